namespace MlopsServerless.Core.Training;

/// <summary>
/// One trained candidate: its configuration, its own artifact, its parameters, its primary metric on the validation
/// rows (what selection compares) and on its own training rows (for the fit diagnosis), and how long it trained.
/// </summary>
public sealed record CandidateResult(
    CandidateConfig Config,
    string ArtifactBlob,
    IReadOnlyDictionary<string, string> Parameters,
    ModelMetrics ValidationMetrics,
    ModelMetrics TrainMetrics,
    double TrainingSeconds);
