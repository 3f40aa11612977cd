namespace MlopsServerless.Core.Pipeline;

public sealed record TrainingFailure(TrainingRequest Request, string Message);
