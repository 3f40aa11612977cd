using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlopsServerless.Core.Configuration;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Demo;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Storage;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Core.Tests.Serving;

/// <summary>The prediction log off the request path: buffered, flushed in batches and on shutdown, drops counted, drift windows lagged.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PredictionLogBufferTests(AzuriteFixture azurite) : IAsyncLifetime
{
    CoreTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync(azurite.ConnectionString);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StopAsync_WritesWhatIsStillBuffered()
    {
        string model = UniqueNames.Model();
        var buffer = new PredictionLogBuffer(_host.Get<PredictionLog>(), Options.Create(new PredictionOptions { LogFlushMilliseconds = 600_000 }),
            NullLogger<PredictionLogBuffer>.Instance);
        await buffer.StartAsync(default);

        for (int i = 0; i < 250; i++)
        {
            Assert.True(buffer.Add(Entry(model, _host.Time.GetUtcNow(), rows: 2)));
        }

        await buffer.StopAsync(default);

        IReadOnlyList<PredictionLogEntry> logged = await ReadAllAsync(model);
        Assert.Equal(250, logged.Count);
        Assert.Equal(500, logged.Sum(e => e.Inputs.Count));
        Assert.Equal((250, 0), (buffer.Written, buffer.Dropped));
        Assert.False(buffer.Add(Entry(model, _host.Time.GetUtcNow(), rows: 1)));
        Assert.Equal(1, buffer.Dropped);
    }

    [Fact]
    public async Task Add_RowsBeyondTheBound_AreDroppedUntilWrittenRowsMakeRoom()
    {
        string model = UniqueNames.Model();
        var buffer = new PredictionLogBuffer(_host.Get<PredictionLog>(), Options.Create(new PredictionOptions { LogBufferSize = 10 }),
            NullLogger<PredictionLogBuffer>.Instance);

        bool[] beforeFlush = [buffer.Add(Entry(model, _host.Time.GetUtcNow(), rows: 6)), buffer.Add(Entry(model, _host.Time.GetUtcNow(), rows: 5)),
            buffer.Add(Entry(model, _host.Time.GetUtcNow(), rows: 4))];
        await buffer.FlushAsync(default);
        bool afterFlush = buffer.Add(Entry(model, _host.Time.GetUtcNow(), rows: 10));
        await buffer.FlushAsync(default);

        Assert.Equal([true, false, true], beforeFlush);
        Assert.True(afterFlush);
        Assert.Equal((3, 1), (buffer.Written, buffer.Dropped));
        Assert.Equal(20, (await ReadAllAsync(model)).Sum(e => e.Inputs.Count));
    }

    [Fact]
    public async Task Add_BufferFull_DropsAndCountsInsteadOfWaiting()
    {
        string model = UniqueNames.Model();
        var buffer = new PredictionLogBuffer(_host.Get<PredictionLog>(), Options.Create(new PredictionOptions { LogBufferSize = 2 }),
            NullLogger<PredictionLogBuffer>.Instance);

        bool[] added = Enumerable.Range(0, 3).Select(_ => buffer.Add(Entry(model, _host.Time.GetUtcNow(), rows: 1))).ToArray();
        await buffer.FlushAsync(default);

        Assert.Equal([true, true, false], added);
        Assert.Equal(1, buffer.Dropped);
        Assert.Equal(2, (await ReadAllAsync(model)).Count);
    }

    [Fact]
    public async Task FlushAsync_WhenStorageFails_KeepsThePagesAndWritesThemOnceItIsBack()
    {
        string model = UniqueNames.Model();
        var buffer = new PredictionLogBuffer(_host.Get<PredictionLog>(), Options.Create(new PredictionOptions { LogFlushMilliseconds = 600_000 }),
            NullLogger<PredictionLogBuffer>.Instance);
        TableClient table = _host.Get<StorageClients>().Table(StorageNames.Tables.PredictionLog);
        for (int i = 0; i < 50; i++)
        {
            buffer.Add(Entry(model, _host.Time.GetUtcNow().AddMilliseconds(i), rows: 2));
        }

        await table.DeleteAsync();
        await Assert.ThrowsAsync<RequestFailedException>(() => buffer.FlushAsync(default));
        long writtenWhileDown = buffer.Written;
        await table.CreateIfNotExistsAsync();
        buffer.Add(Entry(model, _host.Time.GetUtcNow().AddSeconds(1), rows: 2));
        await buffer.FlushAsync(default);

        Assert.Equal(0, writtenWhileDown);
        Assert.Equal((51, 0), (buffer.Written, buffer.Dropped));
        Assert.Equal(102, (await ReadAllAsync(model)).Sum(e => e.Inputs.Count));
    }

    [Fact]
    public async Task BackgroundFlush_WritesWithoutBeingAsked()
    {
        string model = UniqueNames.Model();
        var buffer = new PredictionLogBuffer(_host.Get<PredictionLog>(), Options.Create(new PredictionOptions { LogFlushMilliseconds = 50 }),
            NullLogger<PredictionLogBuffer>.Instance);
        await buffer.StartAsync(default);
        try
        {
            buffer.Add(Entry(model, _host.Time.GetUtcNow(), rows: 3));
            DateTime deadline = DateTime.UtcNow.AddSeconds(20);
            while (buffer.Written == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            Assert.Equal(3, (await ReadAllAsync(model)).Sum(e => e.Inputs.Count));
        }
        finally
        {
            await buffer.StopAsync(default);
        }
    }

    [Fact]
    public async Task DriftWindows_RowBufferedAcrossABoundary_IsCountedExactlyOnce()
    {
        string model = await _host.TrainChampionAsync(new DemoDataset(600, 20));
        Champion champion = (await _host.Get<ModelRegistry>().GetChampionAsync(model, default))!;
        var monitor = _host.Get<DriftMonitor>();
        var buffer = _host.Get<PredictionLogBuffer>();
        DriftOptions drift = _host.Get<IOptions<DriftOptions>>().Value;
        _host.Time.Advance(TimeSpan.FromMinutes(10));

        string body = JsonSerializer.Serialize(new DemoDataset(60, 3).RequestRows());
        Assert.IsType<PredictionOutcome.Served>(await _host.Get<PredictionService>().PredictAsync(model, JsonDocument.Parse(body).RootElement, default));
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        DriftReport beforeFlush = (await monitor.MeasureAsync(champion, default)).Report;
        await buffer.FlushAsync(default);
        _host.Time.Advance(TimeSpan.FromSeconds(drift.LogLagSeconds + 1));
        DriftReport afterLag = (await monitor.MeasureAsync(champion, default)).Report;
        _host.Time.Advance(TimeSpan.FromMinutes(5));
        DriftReport later = (await monitor.MeasureAsync(champion, default)).Report;

        Assert.Equal(0, beforeFlush.SampleCount);
        Assert.Equal(60, afterLag.SampleCount);
        Assert.Equal(0, later.SampleCount);
        Assert.Equal(afterLag.WindowEnd, later.WindowStart);
    }

    Task<IReadOnlyList<PredictionLogEntry>> ReadAllAsync(string model) =>
        _host.Get<PredictionLog>().ReadAsync(model, DateTimeOffset.UnixEpoch, _host.Time.GetUtcNow().AddDays(1), default);

    static PredictionLogEntry Entry(string model, DateTimeOffset servedAt, int rows) => new(PredictionRequestId.New(servedAt), model, 1, servedAt, ["x1"],
        Enumerable.Range(0, rows).Select(i => new[] { FeatureValue.Of(i) }).ToList(),
        Enumerable.Range(0, rows).Select(_ => new Prediction { Value = 1 }).ToList());
}
