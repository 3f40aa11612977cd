using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Runs;

namespace MlopsServerless.Core.Pipeline;

/// <summary>
/// The validation step's outcome, as references for the next steps: the stored report and, when valid, the immutable
/// dataset snapshot and its spec; when not, the quarantined copy. <see cref="DuplicateOfVersion"/>: a registered
/// version was already trained on the same data, spec, split and code. <see cref="Seed"/> and <see cref="TestFraction"/>
/// are fixed here for every later step of the run. <see cref="AlreadyEnded"/>: this run id has run to its end before
/// (a request handed over twice), so nothing is done again.
/// </summary>
public sealed record DatasetValidation(
    TrainingRequest Request,
    string ReportBlob,
    string DataSha256,
    int ErrorCount,
    string? DatasetBlob,
    ModelSpec? Spec,
    string? QuarantineBlob,
    int? DuplicateOfVersion = null,
    int Seed = 0,
    double TestFraction = 0,
    TrainingRun? AlreadyEnded = null)
{
    public bool IsValid => DatasetBlob is not null && Spec is not null;
}
