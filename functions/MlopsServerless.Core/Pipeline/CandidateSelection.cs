using Microsoft.Extensions.Logging;
using Microsoft.ML;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Pipeline;

/// <summary>
/// The selection step: the candidate with the best validation metric wins (ties: the lower candidate id). Only then
/// are the test rows touched, once, by the winner: its test metrics, permutation importance, conformal coverage and
/// segment metrics. Conformal calibration is fitted on the validation rows; a learning curve retrains the winner's
/// configuration on a quarter and a half of its fit rows. The result is the registration: lineage, winner, model card.
/// </summary>
public sealed class CandidateSelection(
    DatasetStore datasets,
    ModelTrainer trainer,
    ModelEvaluator evaluator,
    ModelArtifactStore artifacts,
    TimeProvider time,
    ILogger<CandidateSelection> logger)
{
    static readonly double[] CurveFractions = [0.25, 0.5];

    public async Task<ModelRegistration> SelectAsync(SelectionRequest request, CancellationToken cancellationToken)
    {
        if (request.Trained.Count == 0)
        {
            throw new InvalidOperationException("No candidate finished training: " +
                string.Join("; ", request.NotTrained.Select(c => $"{c.Id} {c.State}: {c.Reason}")));
        }

        DatasetValidation validation = request.Validation;
        ModelSpec spec = validation.Spec!;
        CandidateResult chosen = Best(request.Trained);
        PreparedDataset dataset = await datasets.LoadAsync(validation.DatasetBlob!, spec, cancellationToken);
        DataSplit split = DataSplit.Create(dataset.RowCount, validation.TestFraction, validation.Seed);
        ITransformer model = await artifacts.LoadModelAsync(chosen.ArtifactBlob, cancellationToken);

        ModelMetrics test = evaluator.Evaluate(model, dataset, split.TestRows);
        IReadOnlyDictionary<string, double> importance = PermutationImportance.Compute(model, dataset, split.TestRows, evaluator, validation.Seed);
        ServingModel serving = ServingModel.FromTransformer(model, spec);
        IReadOnlyList<Prediction> testPredictions = serving.Predict(split.TestRows.Select(dataset.Row).ToList());
        ConformalCalibration conformal = ConformalCalibration.Fit(spec.Task,
            serving.Predict(split.ValidationRows.Select(dataset.Row).ToList()), split.ValidationRows.Select(r => dataset.Labels[r]).ToList());
        conformal = conformal.WithTestCoverage(conformal.MeasureCoverage(spec.Task, testPredictions, split.TestRows.Select(r => dataset.Labels[r]).ToList()));
        IReadOnlyList<SegmentMetrics> segments = SegmentMetrics.Compute(model, dataset, split.TestRows, spec.Policy.SegmentColumns, evaluator);
        FitDiagnosis fit = FitDiagnosis.Diagnose(chosen.TrainMetrics, chosen.ValidationMetrics,
            await Task.Run(() => LearningCurve(dataset, split, chosen, validation.Seed), cancellationToken));

        TrainingRequest run = validation.Request;
        string profileBlob = await artifacts.SaveProfileAsync(run.Model, run.RunId,
            ReferenceProfile.Build(dataset, split.TrainRows, testPredictions, validation.Seed), cancellationToken);
        var card = new ModelCard(test, importance, fit, conformal, segments, profileBlob, Summaries(request, chosen));
        var lineage = new Lineage(run.Model, run.RunId, run.SourceBlob, validation.DatasetBlob!, validation.DataSha256, spec,
            validation.Seed, validation.TestFraction, CodeVersion.Current, validation.ReportBlob);
        logger.LogInformation("Run {RunId} chose {Candidate}: validation {Metric} {Validation:0.####}, test {Test:0.####}, fit {Verdict}",
            run.RunId, chosen.Config, chosen.ValidationMetrics.PrimaryMetric, chosen.ValidationMetrics.PrimaryValue, test.PrimaryValue, fit.Verdict);
        return new ModelRegistration(lineage, chosen, card, time.GetUtcNow());
    }

    /// <summary>The best validation metric; ties go to the lower candidate id, so the choice is deterministic.</summary>
    public static CandidateResult Best(IReadOnlyList<CandidateResult> trained) =>
        trained.OrderBy(c => c.Config.Id, StringComparer.Ordinal)
            .Aggregate((best, next) => next.ValidationMetrics.Beats(best.ValidationMetrics) ? next : best);

    IReadOnlyList<LearningCurvePoint> LearningCurve(PreparedDataset dataset, DataSplit split, CandidateResult chosen, int seed)
    {
        int[] shuffled = split.FitRows.ToArray();
        new Random(seed).Shuffle(shuffled);
        var points = new List<LearningCurvePoint>();
        foreach (double fraction in CurveFractions)
        {
            int[] rows = shuffled[..Math.Max(10, (int)(shuffled.Length * fraction))].Order().ToArray();
            TrainedModel partial = trainer.Train(dataset, rows, chosen.Config, seed);
            points.Add(new LearningCurvePoint(rows.Length, Round(evaluator.Evaluate(partial.Transformer, dataset, rows).PrimaryValue),
                Round(evaluator.Evaluate(partial.Transformer, dataset, split.ValidationRows).PrimaryValue)));
        }

        points.Add(new LearningCurvePoint(split.FitRows.Count, Round(chosen.TrainMetrics.PrimaryValue), Round(chosen.ValidationMetrics.PrimaryValue)));
        return points;
    }

    static IReadOnlyList<CandidateSummary> Summaries(SelectionRequest request, CandidateResult chosen) =>
        request.Trained.Select(c => new CandidateSummary(c.Config.Id, c.Config.Trainer.ToString(), c.Config.ToString(),
                Round(c.ValidationMetrics.PrimaryValue), c.Config.Id == chosen.Config.Id))
            .Concat(request.NotTrained.Select(c => new CandidateSummary(c.Id, c.Configuration, c.Configuration, null, false, $"{c.State}: {c.Reason}")))
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .ToList();

    static double Round(double value) => Math.Round(value, 6);
}
