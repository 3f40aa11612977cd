namespace MlopsServerless.Core.Datasets;

/// <summary>The stored report of one training run's validation: which upload, its content hash, when, and the result.</summary>
public sealed record ValidationReport(
    string Model,
    string SourceBlob,
    string DataSha256,
    DateTimeOffset ValidatedAt,
    ValidationResult Result);
