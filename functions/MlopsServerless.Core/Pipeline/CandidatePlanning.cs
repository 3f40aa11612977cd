using Microsoft.Extensions.Logging;
using MlopsServerless.Core.Runs;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Pipeline;

/// <summary>The planning step: which candidates the run trains (within the spec's budget; families this host cannot run are skipped with why).</summary>
public sealed class CandidatePlanning(NativeLibraryProbe natives, TrainingRunStore runs, TimeProvider time, ILogger<CandidatePlanning> logger)
{
    public async Task<CandidateSearch.Plan> PlanAsync(DatasetValidation validation, CancellationToken cancellationToken)
    {
        if (!validation.IsValid)
        {
            throw new ArgumentException("Only a valid dataset can be trained on.", nameof(validation));
        }

        CandidateSearch.Plan plan = CandidateSearch.Create(validation.Spec!.Task, validation.Spec.Trainer, validation.Spec.Policy.Candidates,
            natives.LightGbm);
        if (plan.Candidates.Count == 0)
        {
            throw new NotSupportedException("No candidate can be trained on this host: " + string.Join("; ", plan.Skipped.Select(s => $"{s.Trainer}: {s.Reason}")));
        }

        TrainingRequest request = validation.Request;
        await runs.SaveAsync(new TrainingRun(request.Model, request.RunId, request.SourceBlob, TrainingRunStatus.Training,
            time.GetUtcNow(), $"training {plan.Candidates.Count} candidates", validation.ReportBlob), cancellationToken);
        logger.LogInformation("Run {RunId} of {Model} trains {Count} candidates: {Candidates}", request.RunId, request.Model,
            plan.Candidates.Count, string.Join("; ", plan.Candidates));
        return plan;
    }
}
