using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Registry;

/// <summary>What a training run hands the registry; the registry gives it the next version number.</summary>
public sealed record ModelRegistration(
    string Model,
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
    DateTimeOffset TrainedAt);
