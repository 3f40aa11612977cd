using MlopsServerless.Core.Pipeline;

namespace MlopsServerless.Core.Runs;

/// <summary>Where one training run (one uploaded dataset) stands, for people and for the API; <see cref="Progress"/> once it has trained.</summary>
public sealed record TrainingRun(
    string Model,
    string RunId,
    string SourceBlob,
    TrainingRunStatus Status,
    DateTimeOffset UpdatedAt,
    string? Message = null,
    string? ValidationReportBlob = null,
    string? QuarantineBlob = null,
    int? Version = null,
    RunProgress? Progress = null);
