namespace MlopsServerless.Core.Runs;

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
