using System.Globalization;

namespace MlopsServerless.Core.Serving;

/// <summary>
/// The id a prediction answer carries: the served time in ticks (19 digits), a dash and 12 random hex digits. Starting
/// with the time, it is also the prediction log's row key prefix, so feedback finds its request with one range query.
/// </summary>
public static class PredictionRequestId
{
    const int TickDigits = 19;
    const int RandomDigits = 12;

    public static string New(DateTimeOffset servedAt) => $"{TimePrefix(servedAt)}-{Guid.NewGuid():N}"[..(TickDigits + 1 + RandomDigits)];

    public static string TimePrefix(DateTimeOffset time) => time.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The served time a valid request id starts with.</summary>
    public static DateTimeOffset ServedAt(string requestId) =>
        new(long.Parse(requestId.AsSpan(0, TickDigits), NumberStyles.None, CultureInfo.InvariantCulture), TimeSpan.Zero);

    public static bool IsValid(string? requestId) =>
        requestId is { Length: TickDigits + 1 + RandomDigits } && requestId[TickDigits] == '-'
        && requestId[..TickDigits].All(char.IsAsciiDigit) && requestId[(TickDigits + 1)..].All(char.IsAsciiHexDigitLower);
}
