using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Pipeline;

/// <summary>
/// The training step of one candidate: fits it on the fit rows of the run's split, stores its zip under the run and
/// the candidate's id, and scores it on the validation rows (what selection compares) and on its own training rows.
/// Running it twice writes the same artifact.
/// </summary>
public sealed class CandidateTraining(
    DatasetStore datasets,
    ModelTrainer trainer,
    ModelEvaluator evaluator,
    ModelArtifactStore artifacts,
    ILogger<CandidateTraining> logger)
{
    const int MaxTrainRowsScored = 20_000;

    public async Task<CandidateResult> TrainAsync(CandidateTask task, CancellationToken cancellationToken)
    {
        DatasetValidation validation = task.Validation;
        if (!validation.IsValid)
        {
            throw new ArgumentException("Only a valid dataset can be trained on.", nameof(task));
        }

        PreparedDataset dataset = await datasets.LoadAsync(validation.DatasetBlob!, validation.Spec!, cancellationToken);
        DataSplit split = DataSplit.Create(dataset.RowCount, validation.TestFraction, validation.Seed);
        var clock = Stopwatch.StartNew();
        TrainedModel trained = await Task.Run(() => trainer.Train(dataset, split.FitRows, task.Config, validation.Seed), cancellationToken);
        double seconds = Math.Round(clock.Elapsed.TotalSeconds, 3);

        TrainingRequest request = validation.Request;
        string artifactBlob = await artifacts.SaveModelAsync(request.Model, request.RunId, task.Config.Id, trained, cancellationToken);
        ModelMetrics validationMetrics = evaluator.Evaluate(trained.Transformer, dataset, split.ValidationRows);
        ModelMetrics trainMetrics = evaluator.Evaluate(trained.Transformer, dataset, split.FitRows.Take(MaxTrainRowsScored).ToList());
        logger.LogInformation("Run {RunId} candidate {Candidate}: validation {Metric} {Value:0.####} in {Seconds}s", request.RunId,
            task.Config, validationMetrics.PrimaryMetric, validationMetrics.PrimaryValue, seconds);
        return new CandidateResult(task.Config, artifactBlob, trained.Parameters, validationMetrics, trainMetrics, seconds);
    }
}
