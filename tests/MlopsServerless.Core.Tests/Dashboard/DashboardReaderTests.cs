using MlopsServerless.Core.Dashboard;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Feedback;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Runs;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Tests.Registry;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Core.Tests.Dashboard;

/// <summary>The dashboard's read model against a real Azurite: what it reads from each store, and how much.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DashboardReaderTests(AzuriteFixture azurite) : IAsyncLifetime
{
    CoreTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync(azurite.ConnectionString);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ReadAsync_OneModel_VersionsSpansBoundedDriftAndRuns_LiveMetricsPerWindowFromTheServedVersionsLabels()
    {
        string model = UniqueNames.Model("dash");
        var registry = _host.Get<ModelRegistry>();
        var aliases = _host.Get<ModelAliases>();
        await registry.RegisterAsync(Registrations.For(model, "run-1", auc: 0.8), default);
        await registry.RegisterAsync(Registrations.For(model, "run-2", auc: 0.9), default);
        DateTimeOffset first = _host.Time.GetUtcNow();
        await aliases.MoveAsync(model, AliasName.Champion, 1, AliasMove.ByPipeline, "first", default);
        await aliases.MoveAsync(model, AliasName.Challenger, 1, "alice", "trial", default);
        _host.Time.Advance(TimeSpan.FromHours(1));
        DateTimeOffset second = _host.Time.GetUtcNow();
        await aliases.MoveAsync(model, AliasName.Champion, 2, AliasMove.ByPipeline, "better", default);

        int reports = DashboardLimits.MaxDriftReports + 2;
        DateTimeOffset start = second.AddHours(1);
        for (int i = 0; i < reports; i++)
        {
            await _host.Get<DriftReportStore>().SaveAsync(Report(model, start.AddHours(i), i), default);
        }

        DateTimeOffset lastWindowStart = start.AddHours(reports - 1);
        await _host.Get<FeedbackStore>().SaveAsync(
        [
            Label(model, 2, lastWindowStart.AddMinutes(5), "true", predicted: true),
            Label(model, 2, lastWindowStart.AddMinutes(6), "false", predicted: false),
            Label(model, 2, lastWindowStart.AddMinutes(7), "true", predicted: true),
            Label(model, 2, lastWindowStart.AddMinutes(8), "true", predicted: false),
            Label(model, 1, lastWindowStart.AddMinutes(9), "true", predicted: false),
            Label(model, 2, lastWindowStart.AddMinutes(-30), "true", predicted: false),
        ], default);

        for (int i = 0; i < DashboardLimits.MaxRuns + 3; i++)
        {
            await _host.Get<TrainingRunStore>().SaveAsync(
                new TrainingRun(model, $"run-{i:D2}", $"{model}/data.csv", TrainingRunStatus.Duplicate, start.AddMinutes(i)), default);
        }

        DashboardView view = await _host.Get<DashboardReader>().ReadAsync(model, default);

        ModelView read = Assert.Single(view.Models);
        Assert.Equal((model, ModelTask.Binary, 2), (read.Model, read.Task, read.ChampionVersion));
        Assert.Equal([(1, 0.8, new[] { "challenger" }), (2, 0.9, new[] { "champion" })],
            read.Versions.Select(v => (v.Version, v.Metrics.PrimaryValue, v.Aliases.ToArray())));
        Assert.Equal(
        [
            new ServingSpan(AliasName.Champion, 1, first, second, AliasMove.ByPipeline, "first"),
            new ServingSpan(AliasName.Champion, 2, second, null, AliasMove.ByPipeline, "better"),
            new ServingSpan(AliasName.Challenger, 1, first, null, "alice", "trial"),
        ], read.Serving);
        Assert.Equal(DashboardLimits.MaxDriftReports, read.Drift.Count);
        Assert.Equal(Enumerable.Range(2, DashboardLimits.MaxDriftReports).Select(i => start.AddHours(i + 1)), read.Drift.Select(w => w.WindowEnd));
        PerformancePoint latest = read.Performance[^1];
        Assert.Equal((2, "accuracy", 0.75, 4, 0.82, 0.85), (latest.Version, latest.Metric, latest.Live, latest.LabelledRows, latest.Estimated, latest.Test));
        Assert.Equal((0.0, 1), (read.Performance[^2].Live, read.Performance[^2].LabelledRows));
        Assert.All(read.Performance.SkipLast(2), p => Assert.Equal((null, 0), (p.Live, p.LabelledRows)));
        Assert.Equal(DashboardLimits.MaxRuns, read.Runs.Count);
        Assert.Equal($"run-{DashboardLimits.MaxRuns + 2:D2}", read.Runs[0].RunId);
    }

    [Fact]
    public async Task ReadAsync_UnknownModel_HasNoModels()
    {
        DashboardView view = await _host.Get<DashboardReader>().ReadAsync(UniqueNames.Model("none"), default);

        Assert.Empty(view.Models);
        Assert.Equal(_host.Time.GetUtcNow(), view.GeneratedAt);
    }

    static DriftReport Report(string model, DateTimeOffset windowStart, int index) => new(
        model, 2, windowStart, windowStart.AddHours(1), windowStart.AddHours(1), DriftReportStatus.Computed, 100, 0.2,
        new Dictionary<string, FeatureDrift> { ["x1"] = DashboardViews.Distance(index / 100.0) }, 0.01, [], false,
        Health: new ModelHealth("cbpe", 0.82, 0.85, false));

    static FeedbackRecord Label(string model, int version, DateTimeOffset servedAt, string label, bool predicted) => new(
        model, PredictionRequestId.New(servedAt), 0, version, servedAt, servedAt, label,
        new Prediction { PredictedLabel = predicted, Probability = predicted ? 0.8 : 0.2 });
}
