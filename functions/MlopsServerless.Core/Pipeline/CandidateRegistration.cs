using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Runs;

namespace MlopsServerless.Core.Pipeline;

/// <summary>The registration step: the chosen candidate becomes the model's next version (once per run).</summary>
public sealed class CandidateRegistration(ModelRegistry registry, TrainingRunStore runs, TimeProvider time)
{
    public async Task<ModelVersion> RegisterAsync(ModelRegistration registration, CancellationToken cancellationToken)
    {
        ModelVersion version = await registry.RegisterAsync(registration, cancellationToken);
        Lineage lineage = registration.Lineage;
        await runs.SaveAsync(new TrainingRun(lineage.Model, lineage.RunId, lineage.SourceBlob, TrainingRunStatus.Registered,
            time.GetUtcNow(), $"registered as v{version.Version}", lineage.ValidationReportBlob, Version: version.Version), cancellationToken);
        return version;
    }
}
