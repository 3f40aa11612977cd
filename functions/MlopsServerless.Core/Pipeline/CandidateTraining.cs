using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Runs;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Pipeline;

/// <summary>
/// The training step: fits the model on the deterministic training split, stores its zip and its drift reference
/// profile under the run. Running it twice writes the same artifacts.
/// </summary>
public sealed class CandidateTraining(
    DatasetStore datasets,
    ModelTrainer trainer,
    ModelArtifactStore artifacts,
    TrainingRunStore runs,
    IOptions<TrainingOptions> options,
    TimeProvider time,
    ILogger<CandidateTraining> logger)
{
    public async Task<TrainedCandidate> TrainAsync(DatasetValidation validation, CancellationToken cancellationToken)
    {
        if (!validation.IsValid || validation.DatasetBlob is null || validation.Spec is null)
        {
            throw new ArgumentException("Only a valid dataset can be trained on.", nameof(validation));
        }

        TrainingRequest request = validation.Request;
        await runs.SaveAsync(new TrainingRun(request.Model, request.RunId, request.SourceBlob, TrainingRunStatus.Training,
            time.GetUtcNow(), ValidationReportBlob: validation.ReportBlob), cancellationToken);

        int seed = options.Value.Seed;
        double testFraction = options.Value.TestFraction;
        PreparedDataset dataset = await datasets.LoadAsync(validation.DatasetBlob, validation.Spec, cancellationToken);
        DataSplit split = DataSplit.Create(dataset.RowCount, testFraction, seed);
        TrainedModel trained = trainer.Train(dataset, split, seed);

        string artifactBlob = await artifacts.SaveModelAsync(request.Model, request.RunId, trained, cancellationToken);
        IReadOnlyList<Prediction> testPredictions = ServingModel.FromTransformer(trained.Transformer, dataset.Spec)
            .Predict(split.TestRows.Select(dataset.Row).ToList());
        ReferenceProfile profile = ReferenceProfile.Build(dataset, split.TrainRows, testPredictions);
        string profileBlob = await artifacts.SaveProfileAsync(request.Model, request.RunId, profile, cancellationToken);

        logger.LogInformation("Trained {Model} run {RunId} with {Trainer} on {Rows} rows", request.Model, request.RunId,
            dataset.Spec.Trainer, split.TrainRows.Count);
        return new TrainedCandidate(request, validation.DatasetBlob, validation.DataSha256, dataset.Spec, seed, testFraction,
            artifactBlob, profileBlob, trained.Parameters, time.GetUtcNow());
    }
}
