using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Demo;
using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Storage;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Core.Tests.Serving;

/// <summary>Serving a champion, logging what was served, and measuring drift from that log, against a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PredictionAndDriftTests(AzuriteFixture azurite) : IAsyncLifetime
{
    CoreTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync(azurite.ConnectionString, new Dictionary<string, string?>
    {
        [SettingKeys.PredictionChampionRefreshSeconds] = "0",
        [SettingKeys.DriftMinimumSamples] = "100",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PredictAsync_NoChampion_SaysSo()
    {
        PredictionOutcome outcome = await _host.Get<PredictionService>().PredictAsync(UniqueNames.Model(), Json("{}"), default);

        Assert.IsType<PredictionOutcome.NotFound>(outcome);
    }

    [Fact]
    public async Task PredictAsync_Batch_ServesChampionAndLogsEveryRow()
    {
        string model = await TrainChampionAsync();
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        string body = JsonSerializer.Serialize(new DemoDataset(30, 8).RequestRows());

        var served = Assert.IsType<PredictionOutcome.Served>(await _host.Get<PredictionService>().PredictAsync(model, Json(body), default));

        Assert.Equal(1, served.Version);
        Assert.True(served.IsBatch);
        Assert.Equal(30, served.Predictions.Count);
        Assert.All(served.Predictions, p => Assert.InRange(p.Probability!.Value, 0, 1));
        await _host.Get<PredictionLogBuffer>().FlushAsync(default);
        IReadOnlyList<PredictionLogEntry> log = await _host.Get<PredictionLog>().ReadAsync(model,
            _host.Time.GetUtcNow().AddSeconds(-1), _host.Time.GetUtcNow(), default);
        Assert.Equal(30, log.Sum(e => e.Inputs.Count));
        Assert.Equal(served.Predictions, log.SelectMany(e => e.Outputs));
        Assert.Equal(DemoDataset.FeatureNames, log[0].FeatureNames);
        Assert.Equal(new DemoDataset(30, 8).RequestRows()[0]["contract"], log[0].Inputs[0][4].Category);
    }

    [Fact]
    public async Task PredictAsync_RowThatDoesNotFit_IsRejectedAndNotLogged()
    {
        string model = await TrainChampionAsync();

        var invalid = Assert.IsType<PredictionOutcome.Invalid>(await _host.Get<PredictionService>().PredictAsync(model,
            Json("""{"tenure_months": 3, "monthly_spend": "lots", "support_calls": 1}"""), default));

        Assert.Equal(["contract", "monthly_spend", "paperless_billing", "usage_hours"], invalid.Errors.Keys.Order());
        Assert.Empty(await _host.Get<PredictionLog>().ReadAsync(model, DateTimeOffset.MinValue.AddYears(1), _host.Time.GetUtcNow(), default));
    }

    [Fact]
    public async Task MeasureAsync_TrafficLikeTraining_FindsNoDrift_ShiftedTraffic_FindsDrift()
    {
        string model = await TrainChampionAsync();
        var monitor = _host.Get<DriftMonitor>();
        Champion champion = (await _host.Get<ModelRegistry>().GetChampionAsync(model, default))!;

        await ServeAsync(model, new DemoDataset(300, 21));
        DriftReport stable = (await monitor.MeasureAsync(champion, default)).Report;
        await ServeAsync(model, new DemoDataset(300, 22, Shift: 1.0));
        DriftReport drifted = (await monitor.MeasureAsync(champion, default)).Report;

        Assert.Equal((DriftReportStatus.Computed, 300), (stable.Status, stable.SampleCount));
        Assert.False(stable.DriftDetected, string.Join(", ", stable.Features.Select(f => $"{f.Key}: {f.Value.Psi}")));
        Assert.All(stable.Features.Values, f => Assert.InRange(f.Psi, 0, 0.1));
        Assert.Equal(DemoDataset.FeatureNames.Order(), stable.Features.Keys.Order());
        Assert.Equal(0, stable.Features["contract"].UnseenCategories);
        Assert.Equal(300, drifted.SampleCount);
        Assert.Equal(stable.WindowEnd, drifted.WindowStart);
        Assert.True(drifted.DriftDetected);
        Assert.Contains("monthly_spend", drifted.DriftedFeatures);
        Assert.Contains("contract", drifted.DriftedFeatures);
        Assert.DoesNotContain("paperless_billing", drifted.DriftedFeatures);
        Assert.True(drifted.PredictionPsi > stable.PredictionPsi);
        Assert.Equal(drifted, await _host.Get<DriftReportStore>().GetLatestAsync(model, default), new ReportComparer());
    }

    [Fact]
    public async Task MeasureAsync_TooFewRows_ReportsInsufficientDataAndKeepsTheWindowOpen()
    {
        string model = await TrainChampionAsync();
        var monitor = _host.Get<DriftMonitor>();
        Champion champion = (await _host.Get<ModelRegistry>().GetChampionAsync(model, default))!;

        await ServeAsync(model, new DemoDataset(60, 31));
        DriftReport first = (await monitor.MeasureAsync(champion, default)).Report;
        await ServeAsync(model, new DemoDataset(60, 32));
        DriftReport second = (await monitor.MeasureAsync(champion, default)).Report;

        Assert.Equal(DriftReportStatus.InsufficientData, first.Status);
        Assert.Equal(DriftReportStatus.Computed, second.Status);
        Assert.Equal(first.WindowStart, second.WindowStart);
        Assert.Equal(120, second.SampleCount);
    }

    [Fact]
    public async Task RunAsync_OneModelsProfileIsMissing_StillReportsTheOthersAndFails()
    {
        string healthy = await TrainChampionAsync();
        string broken = await TrainChampionAsync();
        ModelVersion brokenVersion = (await _host.Get<ModelRegistry>().GetVersionAsync(broken, 1, default))!;
        await _host.Get<StorageClients>().Blob(brokenVersion.ReferenceProfileBlob).DeleteAsync();
        await ServeAsync(healthy, new DemoDataset(150, 41));
        await ServeAsync(broken, new DemoDataset(150, 42));

        DriftRun run = await _host.Get<DriftMonitor>().RunAsync(default);

        var failure = Assert.Throws<AggregateException>(run.ThrowIfAnyFailed);
        Assert.Contains(failure.InnerExceptions, e => e.Message.Contains(brokenVersion.ReferenceProfileBlob));
        Assert.Equal(150, (await _host.Get<DriftReportStore>().GetLatestAsync(healthy, default))!.SampleCount);
        Assert.Null(await _host.Get<DriftReportStore>().GetLatestAsync(broken, default));
        Assert.Contains(healthy, run.Reports.Select(r => r.Model));
        Assert.DoesNotContain(broken, run.Reports.Select(r => r.Model));
    }

    async Task ServeAsync(string model, DemoDataset traffic)
    {
        _host.Time.Advance(TimeSpan.FromMinutes(5));
        PredictionOutcome outcome = await _host.Get<PredictionService>().PredictAsync(model,
            Json(JsonSerializer.Serialize(traffic.RequestRows())), default);
        Assert.IsType<PredictionOutcome.Served>(outcome);
        await _host.Get<PredictionLogBuffer>().FlushAsync(default);
        _host.Time.Advance(TimeSpan.FromMinutes(5));
    }

    async Task<string> TrainChampionAsync()
    {
        string model = UniqueNames.Model();
        string blobName = $"{model}/data.csv";
        BlobClient blob = _host.Get<StorageClients>().Container(StorageNames.Containers.TrainingData).GetBlobClient(blobName);
        await blob.UploadAsync(BinaryData.FromBytes(Encoding.UTF8.GetBytes(new DemoDataset(1000, 20).ToCsv())));
        TrainingRequest request = (await _host.Get<TrainingUploads>().ToTrainingRequestAsync(blob, blobName, default))!;
        DatasetValidation validation = await _host.Get<DatasetIntake>().ValidateAsync(request, default);
        Assert.True((await _host.TrainRegisterAndPromoteAsync(validation)).Promoted);
        return model;
    }

    static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    sealed class ReportComparer : IEqualityComparer<DriftReport?>
    {
        public bool Equals(DriftReport? x, DriftReport? y) =>
            x is not null && y is not null && x.ComputedAt == y.ComputedAt && x.SampleCount == y.SampleCount
            && x.DriftDetected == y.DriftDetected && x.Features.OrderBy(p => p.Key).SequenceEqual(y.Features.OrderBy(p => p.Key));

        public int GetHashCode(DriftReport? obj) => 0;
    }
}
