using Azure.Data.Tables;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Storage;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Core.Tests.Serving;

/// <summary>The prediction log's pages on a real Azurite: few entities, exact time windows, one request found again.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PredictionLogTests(AzuriteFixture azurite) : IAsyncLifetime
{
    static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    CoreTestHost _host = null!;
    PredictionLog Log => _host.Get<PredictionLog>();

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync(azurite.ConnectionString);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task WriteAsync_ManyRequestsOfASecond_AreOneEntity()
    {
        string model = UniqueNames.Model();
        List<PredictionLogEntry> entries = Enumerable.Range(0, 2000).Select(i => Entry(model, Start.AddMilliseconds(i / 2.0), rows: 1)).ToList();

        await Log.WriteAsync(entries, default);

        Assert.Equal(1, await CountEntitiesAsync(model));
        Assert.Equal(entries.Select(e => e.RequestId).Order(StringComparer.Ordinal),
            (await Log.ReadAsync(model, Start.AddSeconds(-1), Start.AddSeconds(1), default)).Select(e => e.RequestId));
    }

    [Fact]
    public async Task ReadAsync_ReturnsExactlyTheWindow_IncludingRequestsOnPagesThatStartedBeforeIt()
    {
        string model = UniqueNames.Model();
        List<PredictionLogEntry> entries = Enumerable.Range(0, 300).Select(i => Entry(model, Start.AddMilliseconds(100 * i), rows: 2)).ToList();
        await Log.WriteAsync(entries, default);
        DateTimeOffset after = Start.AddMilliseconds(100 * 95 + 50), upTo = Start.AddMilliseconds(100 * 210);

        IReadOnlyList<PredictionLogEntry> window = await Log.ReadAsync(model, after, upTo, default);

        Assert.True(await CountEntitiesAsync(model) > 1);
        Assert.Equal(entries.Where(e => e.ServedAt > after && e.ServedAt <= upTo).Select(e => e.RequestId), window.Select(e => e.RequestId));
        Assert.Equal(entries[96].RequestId, window[0].RequestId);
        Assert.Equal(entries[210].RequestId, window[^1].RequestId);
    }

    [Fact]
    public async Task FindAsync_FindsARequestAnywhereOnItsPage_AndPutsASplitRequestBackTogether()
    {
        string model = UniqueNames.Model();
        List<PredictionLogEntry> entries = Enumerable.Range(0, 50).Select(i => Entry(model, Start.AddMilliseconds(300 * i), rows: 3)).ToList();
        PredictionLogEntry large = Entry(model, Start.AddMilliseconds(300 * 20 + 1), rows: 1000);
        var records = entries.Select(e => PredictionLogRecord.From(e)).Append(PredictionLogRecord.From(large, new PredictionLogJson(), maxLineBytes: 10_000)).ToList();
        await Log.WriteAsync(records, default);

        PredictionLogEntry? middle = await Log.FindAsync(model, entries[37].RequestId, default);
        PredictionLogEntry? split = await Log.FindAsync(model, large.RequestId, default);

        Assert.Equal(entries[37].Inputs, middle!.Inputs);
        Assert.Equal(entries[37].Outputs, middle.Outputs);
        Assert.True(records[^1].Lines.Count > 1);
        Assert.Equal(large.Inputs, split!.Inputs);
        Assert.Equal(large.Outputs, split.Outputs);
        Assert.Null(await Log.FindAsync(model, PredictionRequestId.New(Start.AddMilliseconds(300 * 37)), default));
        Assert.Null(await Log.FindAsync(UniqueNames.Model(), entries[37].RequestId, default));
        Assert.Null(await Log.FindAsync(model, "0000000000000000001-0123456789ab", default));
        Assert.Null(await Log.FindAsync(model, "9999999999999999999-0123456789ab", default));
    }

    [Fact]
    public async Task FindAsync_ManyRequests_FindsEachOnceAcrossPagesAndFarApartTimes()
    {
        string model = UniqueNames.Model();
        List<PredictionLogEntry> early = Enumerable.Range(0, 200).Select(i => Entry(model, Start.AddMilliseconds(150 * i), rows: 1)).ToList();
        List<PredictionLogEntry> late = Enumerable.Range(0, 50).Select(i => Entry(model, Start.AddHours(3).AddMilliseconds(10 * i), rows: 2)).ToList();
        await Log.WriteAsync([.. early, .. late], default);
        string missing = PredictionRequestId.New(Start.AddMinutes(30));
        List<PredictionLogEntry> asked = [early[0], early[77], early[78], early[199], late[49]];

        IReadOnlyDictionary<string, PredictionLogEntry> found = await Log.FindAsync(model,
            [.. asked.Select(e => e.RequestId), missing, early[77].RequestId, "not-an-id"], default);

        Assert.True(await CountEntitiesAsync(model) > 3);
        Assert.Equal(asked.Select(e => e.RequestId).Order(StringComparer.Ordinal), found.Keys.Order(StringComparer.Ordinal));
        Assert.All(asked, e => Assert.Equal(e.Inputs, found[e.RequestId].Inputs));
    }

    [Fact]
    public async Task WriteAsync_TheSamePagesAgain_ReplacesInsteadOfAddingCopies()
    {
        string model = UniqueNames.Model();
        IReadOnlyList<PredictionLogPage> pages = PredictionLogPages.Cut(model,
            Enumerable.Range(0, 400).Select(i => PredictionLogRecord.From(Entry(model, Start.AddMilliseconds(90 * i), rows: 1))));

        await Log.WriteAsync(pages, default);
        await Log.WriteAsync(pages, default);

        Assert.True(pages.Count > 1);
        Assert.Equal(400, (await Log.ReadAsync(model, Start.AddDays(-1), Start.AddDays(1), default)).Count);
    }

    [Fact]
    public async Task ReadAndFind_AlsoReadRequestsLoggedBeforeThereWerePages()
    {
        string model = UniqueNames.Model();
        PredictionLogEntry legacy = Entry(model, Start.AddSeconds(3), rows: 2);
        PredictionLogEntry paged = Entry(model, Start.AddSeconds(4), rows: 1);
        TableClient table = _host.Get<StorageClients>().Table(StorageNames.Tables.PredictionLog);
        await table.AddEntityAsync(new TableEntity(model, $"{legacy.RequestId}-0000")
        {
            ["Version"] = legacy.Version,
            ["ServedAt"] = legacy.ServedAt,
            ["Rows"] = legacy.Inputs.Count,
            ["Json"] = StorageJson.Serialize(legacy),
        });
        await Log.WriteAsync([paged], default);

        IReadOnlyList<PredictionLogEntry> window = await Log.ReadAsync(model, Start, Start.AddMinutes(1), default);
        IReadOnlyDictionary<string, PredictionLogEntry> found = await Log.FindAsync(model, [legacy.RequestId, paged.RequestId], default);

        Assert.Equal([legacy.RequestId, paged.RequestId], window.Select(e => e.RequestId));
        Assert.Equal(legacy.Inputs, found[legacy.RequestId].Inputs);
        Assert.Equal(paged.Inputs, found[paged.RequestId].Inputs);
    }

    async Task<int> CountEntitiesAsync(string model)
    {
        TableClient table = _host.Get<StorageClients>().Table(StorageNames.Tables.PredictionLog);
        return await table.QueryAsync<TableEntity>(e => e.PartitionKey == model, select: ["RowKey"]).CountAsync();
    }

    static PredictionLogEntry Entry(string model, DateTimeOffset servedAt, int rows) => PredictionLogPagesTests.Entry(servedAt, rows, model);
}
