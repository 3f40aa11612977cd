using System.Globalization;
using MlopsServerless.Core.Drift.Statistics;

namespace MlopsServerless.Core.Drift;

/// <summary>
/// Why a report calls for action, one sentence per signal: dataset drift, prediction drift, a drop of the accuracy
/// estimated without labels (CBPE), a drop of the live metric with labels. None for a report without enough data.
/// </summary>
public static class DriftSignals
{
    public static IReadOnlyList<string> Of(DriftReport report)
    {
        if (report.Status != DriftReportStatus.Computed)
        {
            return [];
        }

        var signals = new List<string>();
        if (report.DatasetDrift is { Drifted: true } dataset)
        {
            signals.Add($"dataset drift: {dataset.DriftedColumns} of {dataset.Columns} features drifted " +
                $"({string.Join(", ", report.DriftedFeatures)}), share {N(dataset.Share)} ≥ {N(dataset.Threshold)}");
        }

        if (report.Prediction is { Drifted: true } prediction)
        {
            signals.Add($"prediction drift: {prediction.Method.Name()} " + (prediction.Method.IsTest()
                ? $"p = {N(prediction.PValue ?? 0)} < {N(prediction.Threshold)}"
                : $"{N(prediction.Statistic ?? 0)} ≥ {N(prediction.Threshold)}"));
        }

        if (report.DriftDetected && report.DatasetDrift is null && report.Prediction is null)
        {
            signals.Add($"drift by PSI: {string.Join(", ", report.DriftedFeatures)}");
        }

        if (report.Health is { Dropped: true, TestAccuracy: { } test } health)
        {
            signals.Add($"health drop: accuracy estimated without labels ({health.Method}) {N(health.EstimatedAccuracy)} is more than " +
                $"{N(health.MaxDrop ?? 0)} below the test accuracy {N(test)}");
        }

        if (report.LiveHealth is { Dropped: true } live)
        {
            signals.Add($"health drop: live {live.Metric} {N(live.Live)} on {live.LabelledRows} labelled rows is " +
                (live.Metric == "rmse" ? $"more than {N(live.MaxDrop)} of the test rmse {N(live.Test)} above it" : $"more than {N(live.MaxDrop)} below the test {live.Metric} {N(live.Test)}"));
        }

        return signals;
    }

    static string N(double value) => Math.Round(value, 4).ToString(CultureInfo.InvariantCulture);
}
