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
        IReadOnlyList<PredictionLogEntry> served, DriftOptions settings)
    {
        var features = profile.Features.ToDictionary(p => p.Key,
            p => p.Value.Compare(served.SelectMany(e => Column(e, p.Key)).ToList(), settings, spec.Drift.For(p.Key)), StringComparer.Ordinal);
        DatasetDrift dataset = DatasetDrift.Of(features.Values, settings.DatasetShare);

        Prediction[] outputs = served.SelectMany(e => e.Outputs).ToArray();
        FeatureProfile predictionProfile = profile.PredictionProfile
            ?? new FeatureProfile(PredictionDistribution.Kind(spec.Task), profile.Predictions, 0); // written before the statistics: PSI only
        FeatureDrift prediction = predictionProfile.Compare(PredictionDistribution.Values(spec.Task, outputs), settings, spec.Drift.Method);
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

    static IEnumerable<FeatureValue> Column(PredictionLogEntry entry, string feature)
    {
        int index = entry.FeatureNames.ToList().IndexOf(feature);
        return index < 0 ? [] : entry.Inputs.Select(row => row[index]);
    }
}
