using Microsoft.Extensions.Logging;
using Microsoft.ML;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Runs;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Pipeline;

/// <summary>
/// The promotion step. First a smoke test: the version's zip is loaded back from blob and scores a few of its test rows;
/// a model that fails to load or score is never promoted. Then the <see cref="PromotionGate"/>: against the champion,
/// both scored on the candidate's own test rows (overall and per segment). The <c>champion</c> alias moves only if it
/// is unchanged since it was read (ETag), with the gate's reason and <c>pipeline</c> as the mover in its history; a
/// promotion that loses that race re-reads the new champion and decides again, so concurrent promotions always leave
/// exactly one champion. The decision and its numbers are stored with the run.
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
    const int SmokeRows = 5;

    public Task<PromotionDecision> PromoteIfBetterAsync(ModelVersion candidate, CancellationToken cancellationToken) =>
        PromoteIfBetterAsync(new PromotionRequest(candidate), cancellationToken);

    public async Task<PromotionDecision> PromoteIfBetterAsync(PromotionRequest request, CancellationToken cancellationToken)
    {
        ModelVersion candidate = request.Version;
        TrainingPolicy policy = candidate.Spec.Policy;
        PreparedDataset dataset = await datasets.LoadAsync(candidate.DatasetBlob, candidate.Spec, cancellationToken);
        DataSplit split = DataSplit.Create(dataset.RowCount, candidate.Registration.Lineage.TestFraction, candidate.Registration.Lineage.Seed);
        IReadOnlyList<SegmentMetrics> segments = candidate.Registration.Card.Segments;

        if (await SmokeTestAsync(candidate, dataset, split, cancellationToken) is { } smokeFailure)
        {
            return await RecordAsync(new PromotionDecision(candidate.Model, candidate.Version, false,
                $"smoke test failed: {smokeFailure}", candidate.Metrics, null, null, null, SmokeTestPassed: false), request, cancellationToken);
        }

        for (int attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            AliasState state = await registry.GetAliasStateAsync(candidate.Model, AliasName.Champion, cancellationToken);
            if (state.Current?.Version == candidate.Version)
            {
                return await RecordAsync(new PromotionDecision(candidate.Model, candidate.Version, true,
                    "already the champion", candidate.Metrics, candidate.Version, state.Current.Metrics), request, cancellationToken);
            }

            ModelMetrics? championMetrics = null;
            IReadOnlyList<SegmentMetrics> championSegments = [];
            string basis = "there was no champion";
            if (state.Current is not null)
            {
                ModelVersion champion = await registry.GetVersionAsync(candidate.Model, state.Current.Version, cancellationToken)
                    ?? throw new InvalidOperationException($"Champion {candidate.Model} v{state.Current.Version} is not registered.");
                (championMetrics, championSegments, basis) = await ScoreChampionAsync(champion, candidate, dataset, split, cancellationToken);
            }

            IReadOnlyList<SegmentComparison> comparison = segments.Select(s => new SegmentComparison(s.Name, s.Metrics.PrimaryValue,
                championSegments.FirstOrDefault(c => c.Name == s.Name)?.Metrics.PrimaryValue)).ToList();
            if (PromotionGate.Refuse(policy, candidate.Metrics, championMetrics, segments, championSegments) is { } refusal)
            {
                return await RecordAsync(new PromotionDecision(candidate.Model, candidate.Version, false,
                    $"{refusal} ({basis})", candidate.Metrics, state.Current?.Version, championMetrics, comparison), request, cancellationToken);
            }

            string reason = state.Current is null
                ? "first version: there was no champion"
                : $"{PromotionGate.Describe(candidate.Metrics)} beats champion v{state.Current.Version}'s {PromotionGate.Describe(championMetrics!)} ({basis})";
            AliasWrite write = await registry.TryMoveAliasAsync(state, candidate.Version, AliasMove.ByPipeline, reason, cancellationToken);
            if (write.Status == AliasWriteStatus.Moved)
            {
                logger.LogInformation("Promoted {Model} v{Version}: {Reason}", candidate.Model, candidate.Version, reason);
                return await RecordAsync(new PromotionDecision(candidate.Model, candidate.Version, true, reason,
                    candidate.Metrics, state.Current?.Version, championMetrics, comparison), request, cancellationToken);
            }

            if (write.Status == AliasWriteStatus.VersionNotFound)
            {
                throw new InvalidOperationException($"{candidate.Model} v{candidate.Version} is not registered.");
            }

            if (write.Status == AliasWriteStatus.VersionArchived)
            {
                return await RecordAsync(new PromotionDecision(candidate.Model, candidate.Version, false,
                    $"{reason}, but v{candidate.Version} was archived before it could be promoted", candidate.Metrics,
                    state.Current?.Version, championMetrics, comparison), request, cancellationToken);
            }

            logger.LogInformation("Promotion of {Model} v{Version} raced another (attempt {Attempt}); deciding again",
                candidate.Model, candidate.Version, attempt);
        }

        throw new InvalidOperationException($"Could not settle the champion of {candidate.Model} after {MaxAttempts} attempts.");
    }

    /// <summary>Loads the version's zip from blob as serving would and scores a few test rows; the problem, or null.</summary>
    async Task<string?> SmokeTestAsync(ModelVersion candidate, PreparedDataset dataset, DataSplit split, CancellationToken cancellationToken)
    {
        try
        {
            ITransformer model = await artifacts.LoadModelAsync(candidate.ArtifactBlob, cancellationToken);
            IReadOnlyList<Prediction> predictions = ServingModel.FromTransformer(model, candidate.Spec)
                .Predict(split.TestRows.Take(SmokeRows).Select(dataset.Row).ToList());
            bool finite = predictions.All(p => (p.Value, p.Probability, p.ClassScores) switch
            {
                ({ } value, _, _) => double.IsFinite(value),
                (_, { } probability, _) => double.IsFinite(probability),
                (_, _, { } scores) => scores.Values.All(double.IsFinite),
                _ => false,
            });
            return finite ? null : "the loaded model scored a test row as NaN or infinity";
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Smoke test of {Model} v{Version} failed", candidate.Model, candidate.Version);
            return $"{candidate.ArtifactBlob} could not be loaded and scored ({exception.GetType().Name}: {exception.Message})";
        }
    }

    async Task<(ModelMetrics Metrics, IReadOnlyList<SegmentMetrics> Segments, string Basis)> ScoreChampionAsync(ModelVersion champion,
        ModelVersion candidate, PreparedDataset dataset, DataSplit split, CancellationToken cancellationToken)
    {
        PreparedDataset? asChampionSees = champion.Spec.Task == candidate.Spec.Task ? dataset.WithFeatures(champion.Spec.Features) : null;
        if (asChampionSees is null)
        {
            return (champion.Metrics, [], "the champion's features differ, so its recorded metrics were compared");
        }

        ITransformer model = await artifacts.LoadModelAsync(champion.ArtifactBlob, cancellationToken);
        return (evaluator.Evaluate(model, asChampionSees, split.TestRows),
            SegmentMetrics.Compute(model, asChampionSees, split.TestRows, candidate.Spec.Policy.SegmentColumns, evaluator),
            "both scored on the candidate's test rows");
    }

    async Task<PromotionDecision> RecordAsync(PromotionDecision decision, PromotionRequest request, CancellationToken cancellationToken)
    {
        Lineage lineage = request.Version.Registration.Lineage;
        await runs.SaveAsync(new TrainingRun(lineage.Model, lineage.RunId, lineage.SourceBlob,
            decision.Promoted ? TrainingRunStatus.Promoted : TrainingRunStatus.NotPromoted, time.GetUtcNow(), decision.Reason,
            lineage.ValidationReportBlob, Version: decision.Version,
            Progress: request.Progress is { } progress ? progress.Finish(time.GetUtcNow().UtcDateTime) with { Decision = decision } : null),
            cancellationToken);
        return decision;
    }
}
