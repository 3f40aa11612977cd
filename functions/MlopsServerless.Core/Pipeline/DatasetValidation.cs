using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Pipeline;

/// <summary>
/// The validation step's result: where the report is and, when valid, the immutable dataset snapshot and spec.
/// <see cref="DuplicateOfVersion"/>: a registered version was already trained on the same data, spec and split.
/// </summary>
public sealed record DatasetValidation(
    TrainingRequest Request,
    bool IsValid,
    string ReportBlob,
    string DataSha256,
    int ErrorCount,
    string? DatasetBlob,
    ModelSpec? Spec,
    string? QuarantineBlob,
    int? DuplicateOfVersion = null);
