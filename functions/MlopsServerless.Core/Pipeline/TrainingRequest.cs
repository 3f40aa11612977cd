namespace MlopsServerless.Core.Pipeline;

/// <summary>
/// One dataset to train from. <see cref="RunId"/> is derived from the uploaded blob and its ETag, so a repeated event
/// is the same run. A retrain reads an immutable dataset snapshot (<see cref="SnapshotBlob"/>) and is trained even when
/// a version of the same data exists (<see cref="Retrain"/>).
/// </summary>
public sealed record TrainingRequest(string Model, string SourceBlob, string RunId, string? SnapshotBlob = null, bool Retrain = false);
