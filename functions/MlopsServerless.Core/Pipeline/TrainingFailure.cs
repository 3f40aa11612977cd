namespace MlopsServerless.Core.Pipeline;

/// <summary>A run that failed: its request, what failed, and its progress up to then.</summary>
public sealed record TrainingFailure(TrainingRequest Request, string Message, RunProgress? Progress = null);
