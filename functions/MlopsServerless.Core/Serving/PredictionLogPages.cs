namespace MlopsServerless.Core.Serving;

/// <summary>
/// The rules a page keeps (see <see cref="PredictionLogPageBuilder"/>), and records cut into pages all at once. The
/// span bound is what lets a time window, or one request, be found with a range query on the first request id.
/// </summary>
public static class PredictionLogPages
{
    /// <summary>
    /// JSON bytes per page before compression. Even incompressible, a page then fits a table entity's binary
    /// properties (an entity is at most 1 MiB as base64 JSON); a single line longer than this cannot be logged.
    /// </summary>
    public const int MaxPageBytes = 700_000;

    /// <summary>The longest time between two requests on one page.</summary>
    public static TimeSpan Span { get; } = TimeSpan.FromSeconds(10);

    /// <summary>The earliest a page holding a request served at <paramref name="time"/> can start.</summary>
    public static DateTimeOffset EarliestStart(DateTimeOffset time) => time.UtcTicks < Span.Ticks ? DateTimeOffset.MinValue : time - Span;

    /// <summary>One model's records as pages, in request-id order.</summary>
    public static IReadOnlyList<PredictionLogPage> Cut(string model, IEnumerable<PredictionLogRecord> records)
    {
        var pages = new List<PredictionLogPage>();
        using var page = new PredictionLogPageBuilder(model);
        foreach (PredictionLogRecord record in records.OrderBy(r => r.RequestId, StringComparer.Ordinal))
        {
            page.Add(record, pages);
        }

        if (!page.IsEmpty)
        {
            pages.Add(page.Finish());
        }

        return pages;
    }
}
