using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Runs;

namespace MlopsServerless.Core.Pipeline;

/// <summary>
/// Turns a "retrain" into a queued training request on an immutable dataset snapshot: an operator's, on the latest
/// registered version's snapshot, trained even though a version of that data exists (new code, settings or candidates
/// may do better); or the drift monitor's, on a snapshot it assembled.
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
        await TryQueueAsync(request, $"retrain on {latest.DatasetBlob} (the data of v{latest.Version})", cancellationToken);
        return request;
    }

    /// <summary>Records the request's run as <c>Queued</c> with why; false when a run with its id is already recorded.</summary>
    public Task<bool> TryQueueAsync(TrainingRequest request, string reason, CancellationToken cancellationToken) =>
        runs.TryAddAsync(new TrainingRun(request.Model, request.RunId, request.SourceBlob, TrainingRunStatus.Queued, time.GetUtcNow(), reason),
            cancellationToken);
}
