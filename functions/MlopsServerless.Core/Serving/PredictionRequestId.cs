using System.Globalization;

namespace MlopsServerless.Core.Serving;

/// <summary>
/// The id a prediction answer carries: the served time in ticks (19 digits), a dash and 12 random hex digits. Starting
/// with the time, it orders the prediction log's pages, so feedback finds its request with one range query. The random
/// part only keeps ids of the same tick apart (it is a key, not a secret), so it comes from <see cref="Random.Shared"/>
/// rather than a system call per request.
/// </summary>
public static class PredictionRequestId
{
    const int TickDigits = 19;
    const int RandomDigits = 12;

    public static string New(DateTimeOffset servedAt) => string.Create(TickDigits + 1 + RandomDigits, servedAt.UtcTicks, static (chars, ticks) =>
    {
        ticks.TryFormat(chars[..TickDigits], out _, "D19", CultureInfo.InvariantCulture);
        chars[TickDigits] = '-';
        Span<byte> random = stackalloc byte[RandomDigits / 2];
        Random.Shared.NextBytes(random);
        Convert.TryToHexStringLower(random, chars[(TickDigits + 1)..], out _);
    });

    public static string TimePrefix(DateTimeOffset time) => time.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The served time a valid request id starts with.</summary>
    public static DateTimeOffset ServedAt(string requestId) =>
        new(long.Parse(requestId.AsSpan(0, TickDigits), NumberStyles.None, CultureInfo.InvariantCulture), TimeSpan.Zero);

    /// <summary>An id of this shape whose time is a valid served time.</summary>
    public static bool IsValid(string? requestId) =>
        requestId is { Length: TickDigits + 1 + RandomDigits } && requestId[TickDigits] == '-'
        && long.TryParse(requestId.AsSpan(0, TickDigits), NumberStyles.None, CultureInfo.InvariantCulture, out long ticks)
        && ticks <= DateTimeOffset.MaxValue.UtcTicks
        && requestId[(TickDigits + 1)..].All(char.IsAsciiHexDigitLower);
}
