using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Registry;

/// <summary>
/// Where a version came from: the run and its upload, the immutable dataset snapshot and its hash, the spec, the seed
/// and test fraction of the split, the code version that trained it, and the validation report.
/// </summary>
public sealed record Lineage(
    string Model,
    string RunId,
    string SourceBlob,
    string DatasetBlob,
    string DataSha256,
    ModelSpec Spec,
    int Seed,
    double TestFraction,
    string CodeVersion,
    string ValidationReportBlob);
