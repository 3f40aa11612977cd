using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Runs;

namespace MlopsServerless.Core.Pipeline;

/// <summary>
/// Turns an operator's "retrain" into a training request: the latest registered version's immutable dataset snapshot,
/// trained again even though a version of that data exists (new code, settings or candidates may do better).
/// </summary>
public sealed class RetrainRequests(ModelRegistry registry, TrainingRunStore runs, TimeProvider time)
{
    /// <summary>The queued request, or null when the model has no registered version to take data from.</summary>
    public async Task<TrainingRequest?> QueueAsync(string model, CancellationToken cancellationToken)
    {
        ModelVersion? latest = (await registry.ListVersionsAsync(model, cancellationToken)).MaxBy(v => v.Version);
        if (latest is null)
        {
            return null;
        }

        var request = new TrainingRequest(model, latest.Registration.Lineage.SourceBlob, $"{model}-retrain-{Guid.NewGuid():N}"[..(model.Length + 25)],
            latest.DatasetBlob, Retrain: true);
        await runs.TryAddAsync(new TrainingRun(model, request.RunId, request.SourceBlob, TrainingRunStatus.Queued, time.GetUtcNow(),
            $"retrain on {latest.DatasetBlob} (the data of v{latest.Version})"), cancellationToken);
        return request;
    }
}
