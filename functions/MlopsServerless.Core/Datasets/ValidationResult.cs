using MlopsServerless.Core.Datasets.Csv;

namespace MlopsServerless.Core.Datasets;

/// <summary>
/// The outcome of validating one dataset: errors and warnings with column and row, the resolved spec (null when it
/// could not be resolved), the CSV dialect, every column's kind and role, and row counts (data rows, and those with a label).
/// </summary>
public sealed record ValidationResult(
    IReadOnlyList<ValidationIssue> Errors,
    IReadOnlyList<ValidationIssue> Warnings,
    ModelSpec? Spec,
    bool SpecInferred,
    CsvDialect? Dialect,
    IReadOnlyList<ColumnReport> Columns,
    int RowCount,
    int LabelledRowCount)
{
    public bool IsValid => Errors.Count == 0 && Spec is not null;

    public static ValidationResult Rejected(ValidationIssue error, bool specInferred = true) =>
        new([error], [], null, specInferred, null, [], 0, 0);
}
