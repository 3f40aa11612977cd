using System.Text.Json;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Demo;
using MlopsServerless.Core.Feedback;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Storage;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Core.Tests.Feedback;

/// <summary>True labels joined to served predictions by request id and row, and the champion's live metrics from them.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FeedbackTests(AzuriteFixture azurite) : IAsyncLifetime
{
    CoreTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync(azurite.ConnectionString);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Feedback_ForServedRows_GivesLiveMetricsBesideTheTestMetrics()
    {
        string model = await _host.TrainChampionAsync(new DemoDataset(800, 40));
        var traffic = new DemoDataset(200, 41);
        var served = Assert.IsType<PredictionOutcome.Served>(await _host.Get<PredictionService>().PredictAsync(model,
            Json(JsonSerializer.Serialize(traffic.RequestRows())), default));
        await _host.Get<PredictionLogBuffer>().FlushAsync(default);

        string labels = JsonSerializer.Serialize(traffic.FileRows().Select((row, i) => new { requestId = served.RequestId, row = i, label = row["churned"] }));
        FeedbackOutcome outcome = await _host.Get<FeedbackService>().RecordAsync(model, Json(labels), default);
        LiveMetrics live = (await _host.Get<FeedbackService>().GetLiveMetricsAsync(model, default))!;

        Assert.Equal(200, Assert.IsType<FeedbackOutcome.Recorded>(outcome).Count);
        Assert.Equal((1, 200), (live.Version, live.LabelledRows));
        Assert.InRange(live.Values["auc"], live.TestMetrics.PrimaryValue - 0.08, 1.0);
        Assert.InRange(live.Values["accuracy"], 0.75, 1.0);
    }

    [Fact]
    public async Task Feedback_ThatDoesNotFit_NamesEachItem_AndStoresNothing()
    {
        string model = await _host.TrainChampionAsync(new DemoDataset(800, 40));
        var served = Assert.IsType<PredictionOutcome.Served>(await _host.Get<PredictionService>().PredictAsync(model,
            Json(JsonSerializer.Serialize(new DemoDataset(2, 42).RequestRows())), default));
        await _host.Get<PredictionLogBuffer>().FlushAsync(default);
        string unknown = PredictionRequestId.New(_host.Time.GetUtcNow());

        FeedbackOutcome outcome = await _host.Get<FeedbackService>().RecordAsync(model, Json($$"""
            [{"requestId": "{{served.RequestId}}", "row": 0, "label": true},
             {"requestId": "{{served.RequestId}}", "row": 5, "label": false},
             {"requestId": "{{unknown}}", "label": 1},
             {"requestId": "{{served.RequestId}}", "row": 1, "label": "perhaps"},
             {"label": 0}]
            """), default);

        var invalid = Assert.IsType<FeedbackOutcome.Invalid>(outcome);
        Assert.Equal(["[1].row", "[2].requestId", "[3].label", "[4].requestId"], invalid.Errors.Keys.Order());
        Assert.Null(await _host.Get<FeedbackService>().GetLiveMetricsAsync(model, default));
    }

    [Fact]
    public void Compute_Auc_IsTheShareOfCorrectlyOrderedPairs()
    {
        FeedbackRecord Record(bool label, double probability) => new("m", "r", 0, 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
            label ? "true" : "false", new Prediction { PredictedLabel = probability >= 0.5, Probability = probability });

        IReadOnlyDictionary<string, double> values = LiveMetrics.Compute(MlopsServerless.Core.Datasets.ModelTask.Binary,
            [Record(true, 0.9), Record(true, 0.4), Record(false, 0.6), Record(false, 0.1)]);

        Assert.Equal(0.75, values["auc"]);
        Assert.Equal(0.5, values["accuracy"]);
    }

    static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;
}
