namespace MlopsServerless.Core.Registry;

/// <summary>
/// A version's model card: the registered record (lineage; test metrics, importance, fit, calibration, segments and
/// candidates in its card; tags; archival), the aliases that hold it now, every alias move to or from it (newest first),
/// and where its validation report is.
/// </summary>
public sealed record ModelVersionCard(
    ModelVersion Registered,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<AliasMove> AliasHistory,
    ValidationReportLink ValidationReport)
{
    public string Model => Registered.Model;
    public int Version => Registered.Version;
    public bool Archived => Registered.IsArchived;
}

/// <summary>The validation report of the run that trained a version: its <c>container/name</c> path and its blob URL (readable with storage data access).</summary>
public sealed record ValidationReportLink(string Blob, Uri Url);
