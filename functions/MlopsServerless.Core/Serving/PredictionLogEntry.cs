using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Serving;

/// <summary>
/// Rows served in one request (or one slice of a large one): the request id the answer gave, model, version, time, the
/// inputs in feature order (numbers, categories, null for missing) and the outputs, row for row.
/// </summary>
public sealed record PredictionLogEntry(
    string RequestId,
    string Model,
    int Version,
    DateTimeOffset ServedAt,
    IReadOnlyList<string> FeatureNames,
    IReadOnlyList<FeatureValue[]> Inputs,
    IReadOnlyList<Prediction> Outputs);
