using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Pipeline;

/// <summary>A trained, not yet registered model: its artifact, its drift reference and how to reproduce its split.</summary>
public sealed record TrainedCandidate(
    TrainingRequest Request,
    string DatasetBlob,
    string DataSha256,
    ModelSpec Spec,
    int Seed,
    double TestFraction,
    string ArtifactBlob,
    string ReferenceProfileBlob,
    IReadOnlyDictionary<string, string> Parameters,
    DateTimeOffset TrainedAt);
