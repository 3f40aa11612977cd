using System.Text.Json;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Demo;
using MlopsServerless.Core.Feedback;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Shadow;
using MlopsServerless.Core.Storage;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Core.Tests.Shadow;

/// <summary>A challenger scored on live traffic off the response path: agreement, and both models' live metrics once labels come back.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ShadowScoringTests(AzuriteFixture azurite) : IAsyncLifetime
{
    CoreTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync(azurite.ConnectionString,
        new Dictionary<string, string?> { [SettingKeys.PredictionShadowShare] = "1", [SettingKeys.PredictionChampionRefreshSeconds] = "0" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ChallengerAlias_ShadowScoresLiveRequests_RecordsAgreementAndBothLiveMetrics()
    {
        string model = UniqueNames.Model();
        ModelVersion champion = await RegisterAsync(model, "v1.csv", new DemoDataset(800, 61));
        ModelVersion challenger = await RegisterAsync(model, "v2.csv", new DemoDataset(300, 62));
        var aliases = _host.Get<ModelAliases>();
        await aliases.MoveAsync(model, AliasName.Champion, champion.Version, "test", "champion", default);
        await aliases.MoveAsync(model, AliasName.Challenger, challenger.Version, "test", "on trial", default);

        var traffic = new DemoDataset(120, 63);
        var served = Assert.IsType<PredictionOutcome.Served>(await _host.Get<PredictionService>().PredictAsync(model,
            JsonDocument.Parse(JsonSerializer.Serialize(traffic.RequestRows())).RootElement, default));
        await _host.Get<ShadowScoring>().DrainAsync(default);
        await _host.Get<PredictionLogBuffer>().FlushAsync(default);
        string labels = JsonSerializer.Serialize(traffic.FileRows().Select((r, i) => new { requestId = served.RequestId, row = i, label = r["churned"] }));
        Assert.IsType<FeedbackOutcome.Recorded>(await _host.Get<FeedbackService>().RecordAsync(model, JsonDocument.Parse(labels).RootElement, default));

        ShadowSummary summary = await _host.Get<ShadowReports>().SummariseAsync(model, default);

        ShadowComparison comparison = Assert.Single(summary.Challengers);
        Assert.Equal((challenger.Version, 1, 120, 120), (comparison.ChallengerVersion, comparison.Requests, comparison.Rows, comparison.LabelledRows));
        Assert.InRange(comparison.Agreement, 0.6, 1.0);
        Assert.InRange(comparison.ChampionLiveMetrics!["accuracy"], 0.7, 1.0);
        Assert.InRange(comparison.ChallengerLiveMetrics!["accuracy"], 0.5, 1.0);
        Assert.Equal(1, served.Version);
    }

    [Fact]
    public async Task NoChallenger_NothingIsShadowScored()
    {
        string model = UniqueNames.Model();
        ModelVersion champion = await RegisterAsync(model, "v1.csv", new DemoDataset(400, 64));
        await _host.Get<ModelAliases>().MoveAsync(model, AliasName.Champion, champion.Version, "test", "champion", default);

        await _host.Get<PredictionService>().PredictAsync(model,
            JsonDocument.Parse(JsonSerializer.Serialize(new DemoDataset(10, 65).RequestRows())).RootElement, default);
        await _host.Get<ShadowScoring>().DrainAsync(default);

        Assert.Empty((await _host.Get<ShadowReports>().SummariseAsync(model, default)).Challengers);
    }

    async Task<ModelVersion> RegisterAsync(string model, string file, DemoDataset data) =>
        await _host.TrainAndRegisterAsync(await _host.UploadAndValidateAsync(model, file, data.ToCsv()));
}
