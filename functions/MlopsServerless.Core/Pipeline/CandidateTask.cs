using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Pipeline;

/// <summary>One candidate of a run to train: the validated dataset (by reference) and the candidate's configuration.</summary>
public sealed record CandidateTask(DatasetValidation Validation, CandidateConfig Config);
