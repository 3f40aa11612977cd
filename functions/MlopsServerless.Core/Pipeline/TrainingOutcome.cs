using MlopsServerless.Core.Runs;

namespace MlopsServerless.Core.Pipeline;

/// <summary>What a training orchestration ends with.</summary>
public sealed record TrainingOutcome(string Model, string RunId, TrainingRunStatus Status, int? Version, string Message);
