using System.Text.Json.Serialization;

namespace MlopsServerless.Core.Runs;

[JsonConverter(typeof(JsonStringEnumConverter<TrainingRunStatus>))]
public enum TrainingRunStatus
{
    Validating,
    Rejected,
    Training,
    Registered,
    Promoted,
    NotPromoted,
    Failed,
}
