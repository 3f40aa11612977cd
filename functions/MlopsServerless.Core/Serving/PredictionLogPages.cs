namespace MlopsServerless.Core.Serving;

/// <summary>
/// How a flush cuts one model's records into pages: their lines in request-id order (served time first), a new page
/// when the next line would take the page past <see cref="MaxPageBytes"/> of JSON or its request was served more than
/// <see cref="Span"/> after the page's first. The span bound is what lets a time window, or one request, be found with
/// a range query on the first request id. Cutting is deterministic, so a retried flush writes the same pages again
/// (replacing them, not adding copies).
/// </summary>
public static class PredictionLogPages
{
    /// <summary>
    /// JSON bytes per page before compression. Even incompressible, a page then fits a table entity's binary
    /// properties (an entity is at most 1 MiB as base64 JSON); a single line longer than this cannot be logged.
    /// </summary>
    public const int MaxPageBytes = 700_000;

    /// <summary>The longest time from a page's first request to its last.</summary>
    public static TimeSpan Span { get; } = TimeSpan.FromSeconds(10);

    public static IEnumerable<PredictionLogPage> Cut(IEnumerable<PredictionLogRecord> records)
    {
        var page = new List<(string RequestId, byte[] Line)>();
        DateTimeOffset pageStart = default;
        int bytes = 0;
        foreach (PredictionLogRecord record in records.OrderBy(r => r.RequestId, StringComparer.Ordinal))
        {
            foreach (byte[] line in record.Lines)
            {
                if (page.Count > 0 && (bytes + line.Length + 1 > MaxPageBytes || record.ServedAt - pageStart > Span))
                {
                    yield return PredictionLogPage.Create(page);
                    page = [];
                    bytes = 0;
                }

                if (page.Count == 0)
                {
                    pageStart = record.ServedAt;
                }

                page.Add((record.RequestId, line));
                bytes += line.Length + 1;
            }
        }

        if (page.Count > 0)
        {
            yield return PredictionLogPage.Create(page);
        }
    }
}
