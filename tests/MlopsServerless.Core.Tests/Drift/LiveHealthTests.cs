using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Feedback;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Tests.Drift;

/// <summary>Model health with labels: the live metric against the test metric, a drop beyond the allowed one, and too few labels.</summary>
public sealed class LiveHealthTests
{
    static readonly ModelMetrics BinaryTest = new("auc", 0.9, true, 100, new Dictionary<string, double> { ["auc"] = 0.9, ["accuracy"] = 0.85 });
    static readonly ModelMetrics MulticlassTest = new("accuracy", 0.8, true, 100, new Dictionary<string, double> { ["microAccuracy"] = 0.8 });
    static readonly ModelMetrics RegressionTest = new("rmse", 10, false, 100, new Dictionary<string, double> { ["rmse"] = 10, ["r2"] = 0.7 });

    [Theory]
    [InlineData("accuracy", 0.81, false)]
    [InlineData("accuracy", 0.79, true)]
    public void Of_BinaryAccuracy_DropsWhenMoreThanTheMaxDropBelowTest(string metric, double live, bool dropped)
    {
        LiveHealth health = LiveHealth.Of(Live(BinaryTest, 100, (metric, live), ("auc", 0.9)), 0.05, 50)!;

        Assert.Equal(("accuracy", live, 0.85, dropped), (health.Metric, health.Live, health.Test, health.Dropped));
    }

    [Fact]
    public void Of_Multiclass_ComparesWithTheTestMicroAccuracy() =>
        Assert.True(LiveHealth.Of(Live(MulticlassTest, 100, ("accuracy", 0.7)), 0.05, 50)!.Dropped);

    [Theory]
    [InlineData(10.4, false)]
    [InlineData(10.6, true)]
    public void Of_RegressionRmse_DropsWhenMoreThanTheMaxDropShareAboveTest(double rmse, bool dropped) =>
        Assert.Equal(dropped, LiveHealth.Of(Live(RegressionTest, 100, ("rmse", rmse), ("mae", 8)), 0.05, 50)!.Dropped);

    [Fact]
    public void Of_TooFewLabelsOrNone_IsNotJudged()
    {
        Assert.Null(LiveHealth.Of(Live(BinaryTest, 49, ("accuracy", 0.2)), 0.05, 50));
        Assert.Null(LiveHealth.Of(null, 0.05, 50));
    }

    [Fact]
    public void Signals_NameEachDropAndEachDrift()
    {
        var report = new DriftReport("m", 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
            DriftReportStatus.Computed, 100, 0.2, new Dictionary<string, FeatureDrift>(), 0.01, ["a", "b"], true,
            DatasetDrift: new DatasetDrift(4, 2, 0.5, 0.5, true),
            Health: new ModelHealth("cbpe", 0.7, 0.85, true, 0.05),
            LiveHealth: LiveHealth.Of(Live(BinaryTest, 100, ("accuracy", 0.6)), 0.05, 50));

        IReadOnlyList<string> signals = DriftSignals.Of(report);

        Assert.Equal(3, signals.Count);
        Assert.Equal("dataset drift: 2 of 4 features drifted (a, b), share 0.5 ≥ 0.5", signals[0]);
        Assert.Contains("(cbpe) 0.7 is more than 0.05 below the test accuracy 0.85", signals[1]);
        Assert.Contains("live accuracy 0.6 on 100 labelled rows", signals[2]);
        Assert.Empty(DriftSignals.Of(report with { Status = DriftReportStatus.InsufficientData }));
    }

    static LiveMetrics Live(ModelMetrics test, int rows, params (string Name, double Value)[] values) =>
        new(1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1), rows, values.ToDictionary(v => v.Name, v => v.Value), test);
}
