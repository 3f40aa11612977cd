using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Runs;

namespace MlopsServerless.Functions.Training;

/// <summary>
/// Upload → validate → train → evaluate → register → promote. The blob trigger starts one orchestration per upload
/// (instance id = run id, so a redelivered event does not start a second); each activity is one Core step.
/// </summary>
public sealed class TrainingWorkflow(
    TrainingUploads uploads,
    DatasetIntake intake,
    CandidateTraining training,
    CandidateEvaluation evaluation,
    CandidateRegistration registration,
    ChampionPromotion promotion,
    TrainingFailureRecorder failures,
    ILogger<TrainingWorkflow> logger)
{
    public const string TrainingDataBlobPath = StorageNames.Containers.TrainingData + "/{name}";

    static readonly TaskOptions ActivityRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 2));

    [Function(FunctionNames.StartTrainingOnUpload)]
    public async Task StartTrainingOnUpload(
        [BlobTrigger(TrainingDataBlobPath, Source = BlobTriggerSource.EventGrid, Connection = SettingKeys.StorageConnection)] BlobClient blob,
        string name,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        TrainingRequest? request = await uploads.ToTrainingRequestAsync(blob, name, cancellationToken);
        if (request is null)
        {
            return;
        }

        if (await client.GetInstanceAsync(request.RunId, cancellationToken) is not null)
        {
            logger.LogInformation("Run {RunId} for training-data/{BlobName} already exists", request.RunId, name);
            return;
        }

        await client.ScheduleNewOrchestrationInstanceAsync(nameof(TrainModel), request,
            new StartOrchestrationOptions(InstanceId: request.RunId), cancellationToken);
        logger.LogInformation("Started run {RunId} of {Model} for training-data/{BlobName}", request.RunId, request.Model, name);
    }

    [Function(nameof(TrainModel))]
    public async Task<TrainingOutcome> TrainModel([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        TrainingRequest request = context.GetInput<TrainingRequest>()
            ?? throw new InvalidOperationException("The training orchestration needs a TrainingRequest input.");
        ILogger log = context.CreateReplaySafeLogger<TrainingWorkflow>();
        try
        {
            DatasetValidation validation = await context.CallActivityAsync<DatasetValidation>(nameof(ValidateTrainingData), request, ActivityRetry);
            if (!validation.IsValid)
            {
                log.LogWarning("Run {RunId} rejected: {ErrorCount} validation errors", request.RunId, validation.ErrorCount);
                return new TrainingOutcome(request.Model, request.RunId, TrainingRunStatus.Rejected, null,
                    $"{validation.ErrorCount} validation error(s); report: {validation.ReportBlob}; data kept at {validation.QuarantineBlob}");
            }

            if (validation.DuplicateOfVersion is { } existing)
            {
                return new TrainingOutcome(request.Model, request.RunId, TrainingRunStatus.Duplicate, existing,
                    $"same data, spec and split as v{existing}: nothing new to train");
            }

            TrainedCandidate candidate = await context.CallActivityAsync<TrainedCandidate>(nameof(TrainCandidate), validation, ActivityRetry);
            EvaluatedCandidate evaluated = await context.CallActivityAsync<EvaluatedCandidate>(nameof(EvaluateCandidate), candidate, ActivityRetry);
            ModelVersion version = await context.CallActivityAsync<ModelVersion>(nameof(RegisterModelVersion), evaluated, ActivityRetry);
            PromotionDecision decision = await context.CallActivityAsync<PromotionDecision>(nameof(PromoteIfBetter), version, ActivityRetry);
            log.LogInformation("Run {RunId} registered {Model} v{Version}; promoted: {Promoted}", request.RunId, request.Model,
                version.Version, decision.Promoted);
            return new TrainingOutcome(request.Model, request.RunId,
                decision.Promoted ? TrainingRunStatus.Promoted : TrainingRunStatus.NotPromoted, version.Version, decision.Reason);
        }
        catch (TaskFailedException exception)
        {
            log.LogError("Run {RunId} failed in {Activity}: {Message}", request.RunId, exception.TaskName, exception.FailureDetails.ErrorMessage);
            await context.CallActivityAsync(nameof(RecordTrainingFailure),
                new TrainingFailure(request, $"{exception.TaskName} failed: {exception.FailureDetails.ErrorMessage}"), ActivityRetry);
            throw;
        }
    }

    [Function(nameof(ValidateTrainingData))]
    public Task<DatasetValidation> ValidateTrainingData([ActivityTrigger] TrainingRequest request, CancellationToken cancellationToken) =>
        intake.ValidateAsync(request, cancellationToken);

    [Function(nameof(TrainCandidate))]
    public Task<TrainedCandidate> TrainCandidate([ActivityTrigger] DatasetValidation validation, CancellationToken cancellationToken) =>
        training.TrainAsync(validation, cancellationToken);

    [Function(nameof(EvaluateCandidate))]
    public Task<EvaluatedCandidate> EvaluateCandidate([ActivityTrigger] TrainedCandidate candidate, CancellationToken cancellationToken) =>
        evaluation.EvaluateAsync(candidate, cancellationToken);

    [Function(nameof(RegisterModelVersion))]
    public Task<ModelVersion> RegisterModelVersion([ActivityTrigger] EvaluatedCandidate evaluated, CancellationToken cancellationToken) =>
        registration.RegisterAsync(evaluated, cancellationToken);

    [Function(nameof(PromoteIfBetter))]
    public Task<PromotionDecision> PromoteIfBetter([ActivityTrigger] ModelVersion version, CancellationToken cancellationToken) =>
        promotion.PromoteIfBetterAsync(version, cancellationToken);

    [Function(nameof(RecordTrainingFailure))]
    public Task RecordTrainingFailure([ActivityTrigger] TrainingFailure failure, CancellationToken cancellationToken) =>
        failures.RecordAsync(failure, cancellationToken);
}
