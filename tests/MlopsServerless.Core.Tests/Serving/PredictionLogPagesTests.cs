using System.Text;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Serving;

namespace MlopsServerless.Core.Tests.Serving;

/// <summary>How served requests become log pages: serialized once, cut by size and span in request-id order, compressed losslessly.</summary>
public sealed class PredictionLogPagesTests
{
    static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Cut_PagesHoldEveryLineOnceInRequestIdOrder()
    {
        List<PredictionLogRecord> records = Enumerable.Range(0, 500)
            .Select(i => PredictionLogRecord.From(Entry(Start.AddMilliseconds(7 * i), rows: 1 + i % 3)))
            .Reverse()
            .ToList();

        List<PredictionLogPage> pages = PredictionLogPages.Cut("m", records).ToList();

        Assert.Single(pages);
        List<string> lines = pages.SelectMany(p => p.Lines()).Select(l => Encoding.UTF8.GetString(l.Span)).ToList();
        Assert.Equal(records.OrderBy(r => r.RequestId, StringComparer.Ordinal).Select(r => Encoding.UTF8.GetString(r.Lines[0])), lines);
        Assert.Equal((records.Min(r => r.RequestId), records.Max(r => r.RequestId)), (pages[0].FirstRequestId, pages[0].LastRequestId));
        Assert.True(pages[0].Compressed.Length < records.Sum(r => r.Bytes) / 3, "JSON lines of one model compress well");
    }

    [Fact]
    public void Cut_StartsANewPage_WhenTheNextRequestIsMoreThanTheSpanAfterThePagesFirst()
    {
        DateTimeOffset[] served = [Start, Start.AddSeconds(4), Start + PredictionLogPages.Span, Start + PredictionLogPages.Span + TimeSpan.FromTicks(1),
            Start.AddMinutes(5)];

        List<PredictionLogPage> pages = PredictionLogPages.Cut("m", served.Select(t => PredictionLogRecord.From(Entry(t, rows: 1)))).ToList();

        Assert.Equal([3, 1, 1], pages.Select(p => p.LineCount));
        Assert.All(pages, p => Assert.True(
            PredictionRequestId.ServedAt(p.LastRequestId) - PredictionRequestId.ServedAt(p.FirstRequestId) <= PredictionLogPages.Span));
    }

    [Fact]
    public void Cut_StartsANewPage_BeforeThePageWouldPassItsSize()
    {
        List<PredictionLogRecord> records = Enumerable.Range(0, 40)
            .Select(i => PredictionLogRecord.From(Entry(Start.AddMilliseconds(i), rows: 1000)))
            .ToList();

        List<PredictionLogPage> pages = PredictionLogPages.Cut("m", records).ToList();

        Assert.True(pages.Count > 1);
        Assert.Equal(records.Count, pages.Sum(p => p.LineCount));
        Assert.All(pages, p => Assert.True(p.Lines().Sum(l => l.Length + 1) <= PredictionLogPages.MaxPageBytes));
    }

    [Fact]
    public void Cut_GivesTheSamePagesWhateverOrderTheRecordsCameIn()
    {
        List<PredictionLogRecord> records = Enumerable.Range(0, 60)
            .Select(i => PredictionLogRecord.From(Entry(Start.AddMilliseconds(400 * i), rows: 100)))
            .ToList();

        Assert.Equal(
            PredictionLogPages.Cut("m", records).Select(p => (p.FirstRequestId, p.LastRequestId, p.LineCount)),
            PredictionLogPages.Cut("m", Enumerable.Reverse(records)).Select(p => (p.FirstRequestId, p.LastRequestId, p.LineCount)));
    }

    [Fact]
    public void Builder_RecordsOutOfOrder_PageIsBoundedByItsSmallestAndLargestId()
    {
        List<PredictionLogRecord> records = [.. new[] { 3, 0, 7, 5, 1 }.Select(ms => PredictionLogRecord.From(Entry(Start.AddMilliseconds(ms), rows: 1)))];
        using var builder = new PredictionLogPageBuilder("m");
        var finished = new List<PredictionLogPage>();

        records.ForEach(r => builder.Add(r, finished));
        PredictionLogPage page = builder.Finish();

        Assert.Empty(finished);
        Assert.Equal(records[1].RequestId, page.FirstRequestId);
        Assert.Equal(records[2].RequestId, page.LastRequestId);
        Assert.Equal((5, 5, 5), (page.LineCount, page.Requests, page.Rows));
        Assert.True(builder.IsEmpty);
    }

    [Fact]
    public void Builder_ARequestMoreThanTheSpanFromAnotherOnThePage_GoesOnANewPage()
    {
        DateTimeOffset[] served = [Start.AddSeconds(5), Start, Start.AddSeconds(5) + PredictionLogPages.Span, Start.AddSeconds(-1)];
        using var builder = new PredictionLogPageBuilder("m");
        var finished = new List<PredictionLogPage>();

        foreach (DateTimeOffset time in served)
        {
            builder.Add(PredictionLogRecord.From(Entry(time, rows: 1)), finished);
        }

        finished.Add(builder.Finish());
        Assert.Equal([2, 1, 1], finished.Select(p => p.LineCount));
        Assert.All(finished, p => Assert.True(
            PredictionRequestId.ServedAt(p.LastRequestId) - PredictionRequestId.ServedAt(p.FirstRequestId) <= PredictionLogPages.Span));
    }

    [Fact]
    public void From_ARequestLongerThanAPage_IsSplitByRowsIntoLinesThatFit()
    {
        PredictionLogEntry entry = Entry(Start, rows: 1000);

        PredictionLogRecord record = PredictionLogRecord.From(entry, new PredictionLogJson(), maxLineBytes: 20_000);

        Assert.True(record.Lines.Count > 1);
        Assert.All(record.Lines, line => Assert.True(line.Length <= 20_000));
        Assert.Equal(1000, record.Rows);
        Assert.True(record.FitsAPage);
    }

    [Fact]
    public void From_ASingleRowLongerThanAPage_DoesNotFit()
    {
        PredictionLogEntry entry = Entry(Start, rows: 1) with { Inputs = [[FeatureValue.Of(new string('x', PredictionLogPages.MaxPageBytes))]] };

        Assert.False(PredictionLogRecord.From(entry).FitsAPage);
    }

    internal static PredictionLogEntry Entry(DateTimeOffset servedAt, int rows, string model = "m") => new(
        PredictionRequestId.New(servedAt), model, 1, servedAt, ["x1", "plan"],
        Enumerable.Range(0, rows).Select(i => new[] { FeatureValue.Of(i * 0.25f), FeatureValue.Of(i % 2 == 0 ? "basic" : "pro") }).ToList(),
        Enumerable.Range(0, rows).Select(i => new Prediction { PredictedLabel = i % 3 == 0, Probability = i / (double)rows }).ToList());
}
