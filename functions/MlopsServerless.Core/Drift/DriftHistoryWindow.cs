using System.Globalization;

namespace MlopsServerless.Core.Drift;

/// <summary>
/// The time window of <c>GET /api/models/{model}/drift?from=&amp;to=</c>: reports computed in [<see cref="From"/>,
/// <see cref="To"/>]. Both are ISO 8601 (<c>2026-11-26T10:00:00Z</c>; a date alone is midnight UTC; no offset is UTC).
/// Without <c>to</c> the window ends now; without <c>from</c> it starts <see cref="DefaultSpan"/> before its end. It may
/// span at most <see cref="MaxSpan"/>.
/// </summary>
public sealed record DriftHistoryWindow(DateTimeOffset From, DateTimeOffset To)
{
    public static readonly TimeSpan DefaultSpan = TimeSpan.FromDays(7);
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(31);

    /// <summary>The window, or null with field → messages for each value that does not fit.</summary>
    public static DriftHistoryWindow? Parse(string? from, string? to, DateTimeOffset now, out IReadOnlyDictionary<string, string[]> errors)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        DateTimeOffset? end = string.IsNullOrWhiteSpace(to) ? now : Read(nameof(to), to, problems);
        DateTimeOffset? start = string.IsNullOrWhiteSpace(from) ? end - DefaultSpan : Read(nameof(from), from, problems);
        if (start is { } s && end is { } e)
        {
            if (s > e)
            {
                problems[nameof(to)] = [$"must not be before from ({Format(s)}); it is {Format(e)}"];
            }
            else if (e - s > MaxSpan)
            {
                problems[nameof(from)] = [$"the window may span at most {MaxSpan.TotalDays:0} days; from {Format(s)} to {Format(e)} is " +
                    $"{(e - s).TotalDays:0.#} days"];
            }
        }

        errors = problems;
        return problems.Count == 0 ? new DriftHistoryWindow(start!.Value, end!.Value) : null;
    }

    static DateTimeOffset? Read(string field, string value, Dictionary<string, string[]> problems)
    {
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out DateTimeOffset parsed))
        {
            return parsed;
        }

        problems[field] = [$"'{value}' is not a date and time; use ISO 8601, e.g. 2026-11-26T10:00:00Z"];
        return null;
    }

    static string Format(DateTimeOffset time) => time.ToString("u", CultureInfo.InvariantCulture);
}
