using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Registry;

/// <summary>One registered model version and its lineage: the data it came from, how it was trained, how it scored.</summary>
public sealed record ModelVersion(
    string Model,
    int Version,
    string RunId,
    string SourceBlob,
    string DatasetBlob,
    string DataSha256,
    ModelSpec Spec,
    IReadOnlyDictionary<string, string> Parameters,
    int Seed,
    double TestFraction,
    ModelMetrics Metrics,
    string ArtifactBlob,
    string ReferenceProfileBlob,
    DateTimeOffset TrainedAt,
    DateTimeOffset RegisteredAt);
