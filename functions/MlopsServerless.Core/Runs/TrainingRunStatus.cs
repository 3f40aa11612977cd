using System.Text.Json.Serialization;

namespace MlopsServerless.Core.Runs;

[JsonConverter(typeof(JsonStringEnumConverter<TrainingRunStatus>))]
public enum TrainingRunStatus
{
    Queued,
    Validating,
    Rejected,
    Duplicate,
    Training,
    Registered,
    Promoted,
    NotPromoted,
    Failed,
}

public static class TrainingRunStatuses
{
    /// <summary>A run in this state has ended and will not change again.</summary>
    public static bool HasEnded(this TrainingRunStatus status) => status is TrainingRunStatus.Rejected or TrainingRunStatus.Duplicate
        or TrainingRunStatus.Promoted or TrainingRunStatus.NotPromoted or TrainingRunStatus.Failed;
}
