using MlopsServerless.Core.Runs;

namespace MlopsServerless.Core.Pipeline;

/// <summary>Marks a run failed when a step threw after its retries, so the failure is visible without digging in logs.</summary>
public sealed class TrainingFailureRecorder(TrainingRunStore runs, TimeProvider time)
{
    public Task RecordAsync(TrainingFailure failure, CancellationToken cancellationToken) =>
        runs.SaveAsync(new TrainingRun(failure.Request.Model, failure.Request.RunId, failure.Request.SourceBlob,
            TrainingRunStatus.Failed, time.GetUtcNow(), failure.Message, Progress: failure.Progress), cancellationToken);
}
