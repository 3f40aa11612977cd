using Microsoft.Extensions.Logging;
using Microsoft.ML;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Runs;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Pipeline;

/// <summary>
/// The promotion step: a registered version becomes champion when there is none, or when it beats the champion on the
/// candidate's own test rows (both models scored on the same data). The champion pointer is replaced only if it is
/// unchanged since it was read (ETag); a promotion that loses that race re-reads the new champion and decides again,
/// so concurrent promotions always leave exactly one champion: the best.
/// </summary>
public sealed class ChampionPromotion(
    ModelRegistry registry,
    DatasetStore datasets,
    ModelArtifactStore artifacts,
    ModelEvaluator evaluator,
    TrainingRunStore runs,
    TimeProvider time,
    ILogger<ChampionPromotion> logger)
{
    const int MaxAttempts = 10;

    public async Task<PromotionDecision> PromoteIfBetterAsync(ModelVersion candidate, CancellationToken cancellationToken)
    {
        PreparedDataset? dataset = null;
        for (int attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            ChampionState state = await registry.GetChampionStateAsync(candidate.Model, cancellationToken);
            if (state.Champion?.Version == candidate.Version)
            {
                return await RecordAsync(new PromotionDecision(candidate.Model, candidate.Version, true,
                    "already the champion", candidate.Metrics, candidate.Version, state.Champion.Metrics), candidate, cancellationToken);
            }

            ModelMetrics? championMetrics = null;
            string reason;
            if (state.Champion is null)
            {
                reason = "first version: there was no champion";
            }
            else
            {
                ModelVersion champion = await registry.GetVersionAsync(candidate.Model, state.Champion.Version, cancellationToken)
                    ?? throw new InvalidOperationException($"Champion {candidate.Model} v{state.Champion.Version} is not registered.");
                dataset ??= await datasets.LoadAsync(candidate.DatasetBlob, candidate.Spec, cancellationToken);
                (championMetrics, string basis) = await ScoreChampionAsync(champion, candidate, dataset, cancellationToken);
                if (championMetrics.PrimaryMetric != candidate.Metrics.PrimaryMetric || !candidate.Metrics.Beats(championMetrics))
                {
                    return await RecordAsync(new PromotionDecision(candidate.Model, candidate.Version, false,
                        $"{Describe(candidate.Metrics)} does not beat champion v{champion.Version}'s {Describe(championMetrics)} ({basis})",
                        candidate.Metrics, champion.Version, championMetrics), candidate, cancellationToken);
                }

                reason = $"{Describe(candidate.Metrics)} beats champion v{champion.Version}'s {Describe(championMetrics)} ({basis})";
            }

            var next = new Champion(candidate.Model, candidate.Version, candidate.Metrics, time.GetUtcNow(), reason, state.Champion?.Version);
            if (await registry.TrySetChampionAsync(next, state, cancellationToken))
            {
                logger.LogInformation("Promoted {Model} v{Version}: {Reason}", candidate.Model, candidate.Version, reason);
                return await RecordAsync(new PromotionDecision(candidate.Model, candidate.Version, true, reason,
                    candidate.Metrics, state.Champion?.Version, championMetrics), candidate, cancellationToken);
            }

            logger.LogInformation("Promotion of {Model} v{Version} raced another (attempt {Attempt}); deciding again",
                candidate.Model, candidate.Version, attempt);
        }

        throw new InvalidOperationException($"Could not settle the champion of {candidate.Model} after {MaxAttempts} attempts.");
    }

    /// <summary>
    /// An operator's decision (promotion or rollback): makes a registered version champion whatever its metrics.
    /// Null when the version is not registered.
    /// </summary>
    public async Task<Champion?> SetChampionAsync(string model, int version, string reason, CancellationToken cancellationToken)
    {
        ModelVersion? chosen = await registry.GetVersionAsync(model, version, cancellationToken);
        if (chosen is null)
        {
            return null;
        }

        for (int attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            ChampionState state = await registry.GetChampionStateAsync(model, cancellationToken);
            var next = new Champion(model, version, chosen.Metrics, time.GetUtcNow(), $"set by an operator: {reason}", state.Champion?.Version);
            if (await registry.TrySetChampionAsync(next, state, cancellationToken))
            {
                logger.LogWarning("Operator set {Model} champion to v{Version} (was v{Previous}): {Reason}",
                    model, version, state.Champion?.Version, reason);
                return next;
            }
        }

        throw new InvalidOperationException($"Could not set the champion of {model} after {MaxAttempts} attempts.");
    }

    async Task<(ModelMetrics Metrics, string Basis)> ScoreChampionAsync(ModelVersion champion, ModelVersion candidate,
        PreparedDataset dataset, CancellationToken cancellationToken)
    {
        PreparedDataset? asChampionSees = champion.Spec.Task == candidate.Spec.Task ? dataset.WithFeatures(champion.Spec.Features) : null;
        if (asChampionSees is null)
        {
            return (champion.Metrics, "the champion's features differ, so its recorded metrics were compared");
        }

        ITransformer model = await artifacts.LoadModelAsync(champion.ArtifactBlob, cancellationToken);
        DataSplit split = DataSplit.Create(dataset.RowCount, candidate.TestFraction, candidate.Seed);
        return (evaluator.Evaluate(model, asChampionSees, split.TestRows), "both scored on the candidate's test rows");
    }

    async Task<PromotionDecision> RecordAsync(PromotionDecision decision, ModelVersion candidate, CancellationToken cancellationToken)
    {
        await runs.SaveAsync(new TrainingRun(candidate.Model, candidate.RunId, candidate.SourceBlob,
            decision.Promoted ? TrainingRunStatus.Promoted : TrainingRunStatus.NotPromoted, time.GetUtcNow(), decision.Reason,
            Version: candidate.Version), cancellationToken);
        return decision;
    }

    static string Describe(ModelMetrics metrics) => $"{metrics.PrimaryMetric} {metrics.PrimaryValue:0.####}";
}
