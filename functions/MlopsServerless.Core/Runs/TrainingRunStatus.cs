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
