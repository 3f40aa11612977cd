using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Runs;

namespace MlopsServerless.Core.Pipeline;

/// <summary>The registration step: the evaluated candidate becomes the model's next version (once per run).</summary>
public sealed class CandidateRegistration(ModelRegistry registry, TrainingRunStore runs, TimeProvider time)
{
    public async Task<ModelVersion> RegisterAsync(EvaluatedCandidate evaluated, CancellationToken cancellationToken)
    {
        TrainedCandidate c = evaluated.Candidate;
        ModelVersion version = await registry.RegisterAsync(new ModelRegistration(c.Request.Model, c.Request.RunId,
            c.Request.SourceBlob, c.DatasetBlob, c.DataSha256, c.Spec, c.Parameters, c.Seed, c.TestFraction,
            evaluated.Metrics, c.ArtifactBlob, c.ReferenceProfileBlob, c.TrainedAt), cancellationToken);
        await runs.SaveAsync(new TrainingRun(c.Request.Model, c.Request.RunId, c.Request.SourceBlob, TrainingRunStatus.Registered,
            time.GetUtcNow(), $"registered as v{version.Version}", Version: version.Version), cancellationToken);
        return version;
    }
}
