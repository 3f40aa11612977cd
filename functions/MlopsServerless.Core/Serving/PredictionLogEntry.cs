using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Serving;

/// <summary>Rows served in one request (or one slice of a large request): inputs in feature order (numbers, categories, null for missing), outputs, version, time.</summary>
public sealed record PredictionLogEntry(
    string Model,
    int Version,
    DateTimeOffset ServedAt,
    IReadOnlyList<string> FeatureNames,
    IReadOnlyList<FeatureValue[]> Inputs,
    IReadOnlyList<Prediction> Outputs);
