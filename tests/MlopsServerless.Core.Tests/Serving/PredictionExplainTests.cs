using System.Text.Json;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Demo;
using MlopsServerless.Core.Serving;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Core.Tests.Serving;

/// <summary>Asking a prediction to explain itself, against a real Azurite: contributions in the answer, never in the log.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PredictionExplainTests(AzuriteFixture azurite) : IAsyncLifetime
{
    CoreTestHost _host = null!;
    PredictionService Predictions => _host.Get<PredictionService>();

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync(azurite.ConnectionString,
        new Dictionary<string, string?> { [SettingKeys.PredictionChampionRefreshSeconds] = "0" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PredictAsync_Explain_AddsContributionsPerRow_SameAnswerOtherwise_NothingExtraLogged()
    {
        string model = await _host.TrainChampionAsync(new DemoDataset(1000, 20));
        JsonElement body = Json(JsonSerializer.Serialize(new DemoDataset(20, 8).RequestRows()));

        var plain = Assert.IsType<PredictionOutcome.Served>(await Predictions.PredictAsync(model, ModelTarget.Champion, body, default));
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        var explained = Assert.IsType<PredictionOutcome.Served>(await Predictions.PredictAsync(model, ModelTarget.ByVersion(1), body, explain: true, default));

        Assert.All(plain.Predictions, p => Assert.Null(p.Explanation));
        Assert.Null(plain.ExplainUnsupported);
        Assert.Null(explained.ExplainUnsupported);
        Assert.Equal(plain.Predictions, explained.Predictions.Select(p => p with { Explanation = null }));
        Assert.All(explained.Predictions, p =>
        {
            Explanation explanation = p.Explanation!;
            Assert.Equal(DemoDataset.FeatureNames.Order(), explanation.Contributions.Select(c => c.Feature).Order());
            Assert.Equal(explanation.Contributions.OrderByDescending(c => Math.Abs(c.Contribution)), explanation.Contributions);
        });
        Assert.Contains(explained.Predictions, p => p.Explanation!.Contributions.Any(c => c.Contribution != 0));

        await _host.Get<PredictionLogBuffer>().FlushAsync(default);
        PredictionLogEntry logged = (await _host.Get<PredictionLog>().FindAsync(model, explained.RequestId, default))!;
        Assert.Equal(plain.Predictions, logged.Outputs);
    }

    [Fact]
    public async Task PredictAsync_ExplainMulticlass_AnswersWithTheReasonInsteadOfContributions()
    {
        string model = await _host.TrainChampionAsync(new DemoDataset(600, 21, Task: ModelTask.Multiclass));
        JsonElement body = Json(JsonSerializer.Serialize(new DemoDataset(5, 9, Task: ModelTask.Multiclass).RequestRows()));

        var served = Assert.IsType<PredictionOutcome.Served>(await Predictions.PredictAsync(model, ModelTarget.Champion, body, explain: true, default));

        Assert.Contains("multiclass", served.ExplainUnsupported);
        Assert.Equal(5, served.Predictions.Count);
        Assert.All(served.Predictions, p =>
        {
            Assert.NotNull(p.PredictedClass);
            Assert.Null(p.Explanation);
        });
    }

    static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;
}
