using MlopsServerless.Core.Feedback;

namespace MlopsServerless.Core.Drift;

/// <summary>
/// Model health with labels: the champion's live metric over the served rows whose true labels came back in the
/// live-metrics window (<see cref="LiveMetrics"/>), against the same metric on its test rows. Accuracy (binary,
/// multiclass) <see cref="Dropped"/> when it is more than <see cref="MaxDrop"/> below the test accuracy; RMSE
/// (regression) when it is more than <see cref="MaxDrop"/> of the test RMSE above it. Judged only with at least
/// <c>MLOPS_DRIFT_MIN_SAMPLES</c> labelled rows.
/// </summary>
public sealed record LiveHealth(string Metric, double Live, double Test, int LabelledRows, DateTimeOffset From, DateTimeOffset To,
    double MaxDrop, bool Dropped)
{
    public static LiveHealth? Of(LiveMetrics? live, double maxDrop, int minimumLabels)
    {
        if (live is null || live.LabelledRows < minimumLabels)
        {
            return null;
        }

        (string metric, string testMetric, bool lowerIsBetter) = live.Values.ContainsKey("rmse")
            ? ("rmse", "rmse", true)
            : ("accuracy", live.TestMetrics.Values.ContainsKey("accuracy") ? "accuracy" : "microAccuracy", false);
        if (!live.Values.TryGetValue(metric, out double value) || !live.TestMetrics.Values.TryGetValue(testMetric, out double test))
        {
            return null;
        }

        bool dropped = lowerIsBetter ? value > test * (1 + maxDrop) : value < test - maxDrop;
        return new LiveHealth(metric, value, test, live.LabelledRows, live.From, live.To, maxDrop, dropped);
    }
}
