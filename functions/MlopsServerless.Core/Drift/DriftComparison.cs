using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Drift;

/// <summary>The computation of a drift report, apart from reading its window and storing it (<see cref="DriftMonitor"/>).</summary>
public static class DriftComparison
{
    /// <summary>The served rows against the reference: every feature, the dataset verdict, the predictions.</summary>
    public static DriftReport Compare(DriftReport window, ModelSpec spec, ModelMetrics testMetrics, ReferenceProfile profile,
        ServedWindow served, DriftOptions settings)
    {
        // Columns and the predictions are independent: compared side by side, one per core.
        IReadOnlyList<Prediction> outputs = served.Outputs;
        FeatureProfile predictionProfile = profile.PredictionProfile
            ?? new FeatureProfile(PredictionDistribution.Kind(spec.Task), profile.Predictions, 0); // written before the statistics: PSI only
        KeyValuePair<string, FeatureProfile>[] columns = profile.Features.ToArray();
        var drifts = new FeatureDrift[columns.Length + 1];
        Parallel.For(0, columns.Length + 1, i => drifts[i] = i == columns.Length
            ? predictionProfile.Compare(PredictionDistribution.Values(spec.Task, outputs), settings, spec.Drift.Method)
            : columns[i].Value.Compare(served.Column(columns[i].Key), settings, spec.Drift.For(columns[i].Key)));
        var features = columns.Select((column, i) => (column.Key, Drift: drifts[i])).ToDictionary(c => c.Key, c => c.Drift, StringComparer.Ordinal);
        FeatureDrift prediction = drifts[^1];
        DatasetDrift dataset = DatasetDrift.Of(features.Values, settings.DatasetShare);
        PositiveRate? positiveRate = profile.PositiveRate is { } reference && PredictionDistribution.PositiveRate(spec.Task, outputs) is { } observed
            ? new PositiveRate(reference, observed)
            : null;

        string[] drifted = features.Where(p => p.Value.Drifted).Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        return window with
        {
            Features = features, PredictionPsi = prediction.Psi, DriftedFeatures = drifted,
            DriftDetected = dataset.Drifted || prediction.Drifted, DatasetDrift = dataset, Prediction = prediction,
            PositiveRate = positiveRate, MinimumSamples = settings.MinimumSamples,
            Health = spec.Task == ModelTask.Binary ? ModelHealth.Estimate(outputs, testMetrics, settings.HealthMaxDrop) : null,
        };
    }
}
