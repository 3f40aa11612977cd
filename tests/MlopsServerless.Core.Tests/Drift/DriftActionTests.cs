using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Demo;
using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Feedback;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Runs;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Storage;
using MlopsServerless.Core.Telemetry;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Core.Tests.Drift;

/// <summary>
/// What the drift monitor does about a report, by the model's <c>driftAction</c>, against a real Azurite: each branch of
/// the decision, what it records on the report, the run it queues (or not) and the snapshot it assembles from feedback.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DriftActionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    const string AlertSpec = """{"candidates": 2}""";
    const string RetrainSpec = """{"candidates": 2, "driftAction": "retrain"}""";

    CoreTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync(azurite.ConnectionString, new Dictionary<string, string?>
    {
        [SettingKeys.PredictionChampionRefreshSeconds] = "0",
        [SettingKeys.DriftMinimumSamples] = "100",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AlertPolicy_NoDriftThenDrift_RecordsNothingThenAnAlert_AndQueuesNothing()
    {
        string model = await _host.TrainChampionAsync(new DemoDataset(1000, 20), AlertSpec);
        using var alerts = new AlertCounter(model);

        await ServeAsync(model, new DemoDataset(300, 21));
        DriftMeasurement stable = await MeasureAsync(model);
        await ServeAsync(model, new DemoDataset(300, 22, Shift: 1.0));
        DriftMeasurement drifted = await MeasureAsync(model);

        Assert.Equal((DriftActionKind.None, false), (stable.Report.Action!.Kind, stable.Report.Action.Alerted));
        Assert.Empty(stable.Report.Action.Signals);
        DriftActionTaken action = drifted.Report.Action!;
        Assert.Equal((DriftActionKind.Alert, DriftAction.Alert, true), (action.Kind, action.Policy, action.Alerted));
        Assert.Contains(action.Signals, s => s.StartsWith("dataset drift", StringComparison.Ordinal));
        Assert.Null(drifted.Retrain);
        Assert.Equal(1, alerts.Count);
        Assert.Equal(action, (await _host.Get<DriftReportStore>().GetLatestAsync(model, default))!.Action, new ActionComparer());
        Assert.Single(await _host.Get<TrainingRunStore>().ListAsync(model, default));
    }

    [Fact]
    public async Task RetrainPolicy_NewUpload_QueuesTheUploadsOwnRun()
    {
        string model = await _host.TrainChampionAsync(new DemoDataset(1000, 20), RetrainSpec);
        BlobClient upload = await UploadAsync($"{model}/fresh.csv", new DemoDataset(600, 23, Shift: 1.0).ToCsv());
        string uploadRunId = (await _host.Get<TrainingUploads>().ToTrainingRequestAsync(upload, upload.Name, default))!.RunId;
        await ServeAsync(model, new DemoDataset(300, 22, Shift: 1.0));

        DriftMeasurement measured = await MeasureAsync(model);

        DriftActionTaken action = measured.Report.Action!;
        Assert.Equal((DriftActionKind.RetrainQueued, false), (action.Kind, action.Alerted));
        Assert.Equal(new TrainingRequest(model, upload.Name, uploadRunId), measured.Retrain);
        Assert.Equal((uploadRunId, $"training-data/{model}/fresh.csv"), (action.RunId, action.TrainingData));
        Assert.Equal(TrainingRunStatus.Queued, (await _host.Get<TrainingRunStore>().GetAsync(model, uploadRunId, default))!.Status);
    }

    [Fact]
    public async Task RetrainPolicy_FeedbackLabels_AssembleASnapshotWithLineage_InTheSameDialect_AndQueueARunThatTrainsOnIt()
    {
        string semicolons = new DemoDataset(1000, 20).ToCsv().Replace(',', ';').Replace('.', ',');
        string model = await _host.TrainChampionAsync(semicolons, RetrainSpec);
        ModelVersion champion = (await _host.Get<ModelRegistry>().GetVersionAsync(model, 1, default))!;
        var traffic = new DemoDataset(300, 22, Shift: 1.0);
        PredictionOutcome.Served served = await ServeAsync(model, traffic);
        string labels = JsonSerializer.Serialize(traffic.FileRows().Select((row, i) => new { requestId = served.RequestId, row = i, label = row["churned"] }));
        Assert.IsType<FeedbackOutcome.Recorded>(await _host.Get<FeedbackService>().RecordAsync(model, JsonDocument.Parse(labels).RootElement, default));

        DriftMeasurement measured = await MeasureAsync(model);

        DriftActionTaken action = measured.Report.Action!;
        DatasetLineage lineage = action.Lineage!;
        Assert.Equal(DriftActionKind.RetrainQueued, action.Kind);
        Assert.Equal((champion.DatasetBlob, champion.DataSha256, 1, 300), (lineage.BaseDatasetBlob, lineage.BaseDataSha256, lineage.BaseVersion, lineage.FeedbackRows));
        Assert.Equal(lineage, await _host.Get<DatasetStore>().GetLineageAsync(model, lineage.DataSha256, default));
        TrainingRequest request = measured.Retrain!;
        Assert.Equal((lineage.DatasetBlob, lineage.DatasetBlob, action.RunId), (request.SnapshotBlob, action.TrainingData, request.RunId));
        Assert.Equal(TrainingRunStatus.Queued, (await _host.Get<TrainingRunStore>().GetAsync(model, request.RunId, default))!.Status);

        string assembled = await ReadAsync(lineage.DatasetBlob);
        Assert.StartsWith(semicolons, assembled);
        Assert.Equal(1300, assembled.TrimEnd('\n').Split('\n').Length - 1);
        IReadOnlyDictionary<string, object?> lastServed = traffic.FileRows()[^1];
        Assert.Equal(string.Join(';', "", DecimalComma(lastServed["tenure_months"]), DecimalComma(lastServed["monthly_spend"]),
                DecimalComma(lastServed["support_calls"]), DecimalComma(lastServed["usage_hours"]), lastServed["contract"],
                Equals(lastServed["paperless_billing"], "yes") ? "1" : "0", Equals(lastServed["churned"], 1) ? "true" : "false"),
            assembled.TrimEnd('\n').Split('\n')[^1]);

        DatasetValidation validation = await _host.Get<DatasetIntake>().ValidateAsync(request, default);
        Assert.Equal((lineage.DatasetBlob, lineage.DataSha256), (validation.DatasetBlob, validation.DataSha256));
        Assert.Equal(champion.Spec, validation.Spec);
        ModelVersion retrained = await _host.TrainAndRegisterAsync(validation);
        Assert.Equal((2, lineage.DatasetBlob), (retrained.Version, retrained.DatasetBlob));
        Assert.Equal(1300, (await _host.Get<DatasetStore>().LoadAsync(lineage.DatasetBlob, retrained.Spec, default)).RowCount);
    }

    [Fact]
    public async Task RetrainPolicy_NoNewLabels_RecordsDriftNoNewLabels_AlertsAndQueuesNothing()
    {
        string model = await _host.TrainChampionAsync(new DemoDataset(1000, 20), RetrainSpec);
        using var alerts = new AlertCounter(model);
        await ServeAsync(model, new DemoDataset(300, 22, Shift: 1.0));

        DriftMeasurement measured = await MeasureAsync(model);

        DriftActionTaken action = measured.Report.Action!;
        Assert.Equal((DriftActionKind.NoNewLabels, DriftAction.Retrain, true), (action.Kind, action.Policy, action.Alerted));
        Assert.StartsWith("drift, no new labels", action.Reason);
        Assert.Null(measured.Retrain);
        Assert.Equal(1, alerts.Count);
        TrainingRun only = Assert.Single(await _host.Get<TrainingRunStore>().ListAsync(model, default));
        Assert.Equal(TrainingRunStatus.Promoted, only.Status);
    }

    [Fact]
    public async Task RetrainPolicy_RunAlreadyUnderWay_RecordsItAndQueuesNothing()
    {
        string model = await _host.TrainChampionAsync(new DemoDataset(1000, 20), RetrainSpec);
        TrainingRequest queued = (await _host.Get<RetrainRequests>().QueueAsync(model, default))!;
        BlobClient upload = await UploadAsync($"{model}/fresh.csv", new DemoDataset(600, 23, Shift: 1.0).ToCsv());
        string uploadRunId = (await _host.Get<TrainingUploads>().ToTrainingRequestAsync(upload, upload.Name, default))!.RunId;
        await ServeAsync(model, new DemoDataset(300, 22, Shift: 1.0));

        DriftMeasurement measured = await MeasureAsync(model);

        DriftActionTaken action = measured.Report.Action!;
        Assert.Equal((DriftActionKind.RetrainUnderWay, queued.RunId), (action.Kind, action.RunId));
        Assert.Contains("retrain already under way", action.Reason);
        Assert.Null(measured.Retrain);
        Assert.Null(await _host.Get<TrainingRunStore>().GetAsync(model, uploadRunId, default));
        Assert.Equal(2, (await _host.Get<TrainingRunStore>().ListAsync(model, default)).Count);
    }

    [Fact]
    public async Task ModelJson_UnknownDriftAction_RejectsTheRun_NamingTheField()
    {
        string model = UniqueNames.Model();
        await UploadAsync($"{model}/model.json", """{"driftAction": "sometimes"}""");

        DatasetValidation validation = await _host.UploadAndValidateAsync(model, "data.csv", new DemoDataset(200, 20).ToCsv());

        Assert.False(validation.IsValid);
        TrainingRun run = (await _host.Get<TrainingRunStore>().GetAsync(model, validation.Request.RunId, default))!;
        Assert.Equal(TrainingRunStatus.Rejected, run.Status);
        Assert.Contains("driftAction", run.Message);
    }

    /// <summary>A served number as the log keeps it (a float), written with a decimal comma.</summary>
    static string DecimalComma(object? value) => value is null
        ? string.Empty
        : Convert.ToSingle(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture).Replace('.', ',');

    async Task<DriftMeasurement> MeasureAsync(string model) => (await _host.Get<DriftMonitor>().MeasureModelAsync(model, default))!;

    async Task<PredictionOutcome.Served> ServeAsync(string model, DemoDataset traffic)
    {
        _host.Time.Advance(TimeSpan.FromMinutes(5));
        PredictionOutcome outcome = await _host.Get<PredictionService>().PredictAsync(model,
            JsonDocument.Parse(JsonSerializer.Serialize(traffic.RequestRows())).RootElement, default);
        await _host.Get<PredictionLogBuffer>().FlushAsync(default);
        _host.Time.Advance(TimeSpan.FromMinutes(5));
        return Assert.IsType<PredictionOutcome.Served>(outcome);
    }

    async Task<BlobClient> UploadAsync(string blobName, string csv)
    {
        BlobClient blob = _host.Get<StorageClients>().Container(StorageNames.Containers.TrainingData).GetBlobClient(blobName);
        await blob.UploadAsync(BinaryData.FromString(csv), overwrite: true);
        return blob;
    }

    async Task<string> ReadAsync(string blobPath) =>
        Encoding.UTF8.GetString((await _host.Get<StorageClients>().Blob(blobPath).DownloadContentAsync()).Value.Content.ToArray());

    /// <summary>Counts <c>mlops.drift.alerts</c> for one model while it lives.</summary>
    sealed class AlertCounter : IDisposable
    {
        readonly MeterListener _listener = new();
        int _count;

        public AlertCounter(string model)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == MlopsMetrics.MeterName && instrument.Name == "mlops.drift.alerts")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (KeyValuePair<string, object?> tag in tags)
                {
                    if (tag.Key == "model" && Equals(tag.Value, model))
                    {
                        Interlocked.Add(ref _count, (int)value);
                    }
                }
            });
            _listener.Start();
        }

        public int Count => Volatile.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }

    sealed class ActionComparer : IEqualityComparer<DriftActionTaken?>
    {
        public bool Equals(DriftActionTaken? x, DriftActionTaken? y) =>
            x is not null && y is not null && x.Kind == y.Kind && x.Reason == y.Reason && x.Signals.SequenceEqual(y.Signals) && x.RunId == y.RunId;

        public int GetHashCode(DriftActionTaken? obj) => 0;
    }
}
