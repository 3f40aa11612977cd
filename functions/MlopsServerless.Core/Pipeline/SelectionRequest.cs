using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Pipeline;

/// <summary>The candidates a run trained, and those it did not (failed, timed out, skipped), for the selection step.</summary>
public sealed record SelectionRequest(DatasetValidation Validation, IReadOnlyList<CandidateResult> Trained, IReadOnlyList<CandidateProgress> NotTrained);
