namespace MlopsServerless.Core.Datasets;

/// <summary>The outcome of validating one uploaded dataset; stored as JSON for every training run.</summary>
public sealed record ValidationReport
{
    public required string Model { get; init; }
    public required string SourceBlob { get; init; }
    public required string DataSha256 { get; init; }
    public required DateTimeOffset ValidatedAt { get; init; }
    public int RowCount { get; init; }
    public ModelSpec? Spec { get; init; }
    public bool SpecInferred { get; init; }
    public IReadOnlyList<ValidationIssue> Errors { get; init; } = [];
    public IReadOnlyList<ValidationIssue> Warnings { get; init; } = [];
    public IReadOnlyList<ColumnSummary> Columns { get; init; } = [];

    public bool IsValid => Errors.Count == 0 && Spec is not null;
}
