namespace MlopsServerless.Core.Datasets;

/// <summary>
/// One column as validation saw it: its kind (and why), its role (label, feature, or left out) and what was
/// done with it, its missing share,
/// distinct values (null when more than the inference counts) and, for numbers, range and mean.
/// </summary>
public sealed record ColumnReport(
    string Name,
    ColumnKind Kind,
    string Role,
    string Reason,
    string? Note,
    int Missing,
    double MissingShare,
    int? DistinctValues,
    double? Min = null,
    double? Max = null,
    double? Mean = null)
{
    public const string LabelRole = "label";
    public const string FeatureRole = "feature";
    public const string LeftOutRole = "left out";
}
