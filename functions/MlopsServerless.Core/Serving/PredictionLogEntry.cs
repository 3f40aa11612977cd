namespace MlopsServerless.Core.Serving;

/// <summary>Rows served in one request (or one slice of a large request): inputs in feature order, outputs, version, time.</summary>
public sealed record PredictionLogEntry(
    string Model,
    int Version,
    DateTimeOffset ServedAt,
    IReadOnlyList<string> FeatureNames,
    IReadOnlyList<float?[]> Inputs,
    IReadOnlyList<Prediction> Outputs);
