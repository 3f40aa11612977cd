using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Runs;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Functions.Training;

/// <summary>
/// Upload → one run at a time per model → validate → plan → train candidates (fan-out) → select → register → promote.
/// <para>
/// Each model has one long-lived <see cref="TrainModel"/> orchestration (instance <c>trainer-{model}</c>): uploads
/// and retrains are raised to it as <see cref="RunRequestedEvent"/> events, which Durable keeps in order while a run is
/// going, and it runs them one after another (<see cref="RunAsync"/>). So an upload during a run is neither lost nor
/// run in parallel: it runs next. A repeated upload event is recorded once
/// (the run id is derived from the blob and its ETag) and starts nothing.
/// </para>
/// Orchestrators are static: deterministic, no injected services, only activities do I/O.
/// </summary>
public sealed class TrainingWorkflow(
    TrainingUploads uploads,
    DatasetIntake intake,
    CandidatePlanning planning,
    CandidateTraining training,
    CandidateSelection selection,
    CandidateRegistration registration,
    ChampionPromotion promotion,
    TrainingFailureRecorder failures,
    ILogger<TrainingWorkflow> logger)
{
    public const string TrainingDataBlobPath = StorageNames.Containers.TrainingData + "/{name}";
    public const string RunRequestedEvent = "RunRequested";

    static readonly TaskOptions ActivityRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 2));

    public static string TrainerInstanceId(string model) => $"trainer-{model}";

    [Function(FunctionNames.StartTrainingOnUpload)]
    public async Task StartTrainingOnUpload(
        [BlobTrigger(TrainingDataBlobPath, Source = BlobTriggerSource.EventGrid, Connection = SettingKeys.StorageConnection)] BlobClient blob,
        string name,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        TrainingRequest? request = await uploads.ToTrainingRequestAsync(blob, name, cancellationToken);
        if (request is not null && await uploads.TryQueueAsync(request, cancellationToken))
        {
            await SubmitAsync(client, request, cancellationToken);
            logger.LogInformation("Queued run {RunId} of {Model} for training-data/{BlobName}", request.RunId, request.Model, name);
        }
    }

    /// <summary>Hands a queued request to the model's trainer orchestration, starting it when it is not running.</summary>
    public static async Task SubmitAsync(DurableTaskClient client, TrainingRequest request, CancellationToken cancellationToken)
    {
        string trainer = TrainerInstanceId(request.Model);
        OrchestrationMetadata? instance = await client.GetInstanceAsync(trainer, cancellationToken);
        if (instance is null || instance.IsCompleted)
        {
            try
            {
                await client.ScheduleNewOrchestrationInstanceAsync(nameof(TrainModel), new TrainerInput(request.Model),
                    new StartOrchestrationOptions(InstanceId: trainer), cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Another submission may have started it first: then the event below reaches that instance.
                if (await client.GetInstanceAsync(trainer, cancellationToken) is not { IsCompleted: false })
                {
                    throw;
                }
            }
        }

        await client.RaiseEventAsync(trainer, RunRequestedEvent, request, cancellationToken);
    }

    /// <summary>
    /// The model's trainer: runs the request it was started with (or waits for one), then each request that arrived
    /// meanwhile, one after another (a run's progress is this orchestration's custom status). When no request is
    /// waiting, it waits for the next and starts over with it, so its history holds only the runs since it was last idle.
    /// Requests that arrive during a run are taken in this execution rather than carried over by ContinueAsNew: the
    /// Durable sidecar the local host (and the in-process test host) runs drops the events a ContinueAsNew carries over.
    /// </summary>
    [Function(nameof(TrainModel))]
    public static async Task TrainModel([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        TrainerInput input = context.GetInput<TrainerInput>()!;
        TrainingRequest request = input.Next ?? await context.WaitForExternalEvent<TrainingRequest>(RunRequestedEvent);
        while (true)
        {
            await RunAsync(context, request);

            // Completed at once when a request arrived during the run (it was buffered): run it in this execution.
            // Otherwise start over now, idle, with nothing buffered: the local Durable sidecar drops buffered events
            // on ContinueAsNew, and a request that arrives from here on is delivered to the new execution.
            Task<TrainingRequest> next = context.WaitForExternalEvent<TrainingRequest>(RunRequestedEvent);
            if (!next.IsCompleted)
            {
                context.ContinueAsNew(input with { Next = null }, preserveUnprocessedEvents: true);
                return;
            }

            request = await next;
        }
    }

    /// <summary>
    /// One run: validate, plan, train every candidate in parallel within the time limit, select, register, promote.
    /// A step that fails after its retries ends the run as <c>Failed</c> (recorded), not the model's trainer.
    /// </summary>
    public static async Task<TrainingOutcome> RunAsync(TaskOrchestrationContext context, TrainingRequest request)
    {
        ILogger log = context.CreateReplaySafeLogger<TrainingWorkflow>();
        RunProgress progress = RunProgress.Start(request.RunId, nameof(ValidateTrainingData), context.CurrentUtcDateTime);
        context.SetCustomStatus(progress);
        try
        {
            DatasetValidation validation = await context.CallActivityAsync<DatasetValidation>(nameof(ValidateTrainingData), request, ActivityRetry);
            if (validation.AlreadyEnded is { } ended)
            {
                context.SetCustomStatus(progress.Finish(context.CurrentUtcDateTime));
                return new TrainingOutcome(request.Model, request.RunId, ended.Status, ended.Version, ended.Message ?? "already ended");
            }

            if (!validation.IsValid)
            {
                log.LogWarning("Run {RunId} rejected: {ErrorCount} validation errors", request.RunId, validation.ErrorCount);
                context.SetCustomStatus(progress.Finish(context.CurrentUtcDateTime));
                return new TrainingOutcome(request.Model, request.RunId, TrainingRunStatus.Rejected, null,
                    $"{validation.ErrorCount} validation error(s); report: {validation.ReportBlob}; data kept at {validation.QuarantineBlob}");
            }

            if (validation.DuplicateOfVersion is { } existing)
            {
                context.SetCustomStatus(progress.Finish(context.CurrentUtcDateTime));
                return new TrainingOutcome(request.Model, request.RunId, TrainingRunStatus.Duplicate, existing,
                    $"same data, spec, split and code as v{existing}: nothing new to train");
            }

            progress = Step(context, progress, nameof(PlanCandidates));
            CandidateSearch.Plan plan = await context.CallActivityAsync<CandidateSearch.Plan>(nameof(PlanCandidates), validation, ActivityRetry);

            progress = Step(context, progress, nameof(TrainCandidate)) with
            {
                Candidates = plan.Candidates.Select(c => new CandidateProgress(c.Id, c.ToString(), CandidateProgress.Training))
                    .Concat(Skipped(plan)).ToList(),
            };
            context.SetCustomStatus(progress);
            IReadOnlyList<CandidateProgress> candidates = await TrainCandidatesAsync(context, validation, plan);
            progress = progress with { Candidates = candidates };

            progress = Step(context, progress, nameof(SelectCandidate));
            IReadOnlyList<CandidateResult> trained = candidates.Where(c => c.Result is not null).Select(c => c.Result!).ToList();
            ModelRegistration chosen = await context.CallActivityAsync<ModelRegistration>(nameof(SelectCandidate),
                new SelectionRequest(validation, trained, candidates.Where(c => c.Result is null).ToList()), ActivityRetry);

            progress = Step(context, progress, nameof(RegisterModelVersion));
            ModelVersion version = await context.CallActivityAsync<ModelVersion>(nameof(RegisterModelVersion), chosen, ActivityRetry);

            progress = Step(context, progress, nameof(PromoteIfBetter));
            PromotionDecision decision = await context.CallActivityAsync<PromotionDecision>(nameof(PromoteIfBetter),
                new PromotionRequest(version, progress), ActivityRetry);
            context.SetCustomStatus(progress.Finish(context.CurrentUtcDateTime) with { Decision = decision });
            log.LogInformation("Run {RunId} registered {Model} v{Version}; promoted: {Promoted}", request.RunId, request.Model,
                version.Version, decision.Promoted);
            return new TrainingOutcome(request.Model, request.RunId,
                decision.Promoted ? TrainingRunStatus.Promoted : TrainingRunStatus.NotPromoted, version.Version, decision.Reason);
        }
        catch (TaskFailedException exception)
        {
            string message = $"{exception.TaskName} failed: {exception.FailureDetails.ErrorMessage}";
            log.LogError("Run {RunId} of {Model} failed: {Message}", request.RunId, request.Model, message);
            RunProgress failed = progress.Finish(context.CurrentUtcDateTime);
            context.SetCustomStatus(failed);
            await context.CallActivityAsync(nameof(RecordTrainingFailure), new TrainingFailure(request, message, failed), ActivityRetry);
            return new TrainingOutcome(request.Model, request.RunId, TrainingRunStatus.Failed, null, message);
        }
    }

    /// <summary>
    /// Fans out one activity per candidate and fans in when all are done or the time limit is reached. A candidate that
    /// throws (after its retries) or is still training at the limit does not sink the run; it is recorded as such.
    /// </summary>
    static async Task<IReadOnlyList<CandidateProgress>> TrainCandidatesAsync(TaskOrchestrationContext context, DatasetValidation validation,
        CandidateSearch.Plan plan)
    {
        async Task<CandidateProgress> TrainOne(CandidateConfig config)
        {
            try
            {
                CandidateResult result = await context.CallActivityAsync<CandidateResult>(nameof(TrainCandidate),
                    new CandidateTask(validation, config), ActivityRetry);
                return new CandidateProgress(config.Id, config.ToString(), CandidateProgress.Trained, result.ValidationMetrics,
                    result.TrainingSeconds, Result: result);
            }
            catch (TaskFailedException exception)
            {
                return new CandidateProgress(config.Id, config.ToString(), CandidateProgress.Failed, Reason: exception.FailureDetails.ErrorMessage);
            }
        }

        List<Task<CandidateProgress>> running = plan.Candidates.Select(TrainOne).ToList();
        using var deadline = new CancellationTokenSource();
        Task timeLimit = context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(validation.Spec!.Policy.TimeLimitSeconds), deadline.Token);
        Task all = Task.WhenAll(running);
        if (await Task.WhenAny(all, timeLimit) == all)
        {
            deadline.Cancel();
        }

        return running.Select((task, i) => task.IsCompleted
                ? task.Result
                : new CandidateProgress(plan.Candidates[i].Id, plan.Candidates[i].ToString(), CandidateProgress.TimedOut,
                    Reason: $"still training after the time limit of {validation.Spec.Policy.TimeLimitSeconds} s"))
            .Concat(Skipped(plan))
            .ToList();
    }

    static IEnumerable<CandidateProgress> Skipped(CandidateSearch.Plan plan) => plan.Skipped.Select((s, i) =>
        new CandidateProgress($"skipped{i + 1}", s.Trainer.ToString(), CandidateProgress.Skipped, Reason: s.Reason));

    static RunProgress Step(TaskOrchestrationContext context, RunProgress progress, string step)
    {
        RunProgress next = progress.Next(step, context.CurrentUtcDateTime);
        context.SetCustomStatus(next);
        return next;
    }

    [Function(nameof(ValidateTrainingData))]
    public Task<DatasetValidation> ValidateTrainingData([ActivityTrigger] TrainingRequest request, CancellationToken cancellationToken) =>
        intake.ValidateAsync(request, cancellationToken);

    [Function(nameof(PlanCandidates))]
    public Task<CandidateSearch.Plan> PlanCandidates([ActivityTrigger] DatasetValidation validation, CancellationToken cancellationToken) =>
        planning.PlanAsync(validation, cancellationToken);

    [Function(nameof(TrainCandidate))]
    public Task<CandidateResult> TrainCandidate([ActivityTrigger] CandidateTask task, CancellationToken cancellationToken) =>
        training.TrainAsync(task, cancellationToken);

    [Function(nameof(SelectCandidate))]
    public Task<ModelRegistration> SelectCandidate([ActivityTrigger] SelectionRequest request, CancellationToken cancellationToken) =>
        selection.SelectAsync(request, cancellationToken);

    [Function(nameof(RegisterModelVersion))]
    public Task<ModelVersion> RegisterModelVersion([ActivityTrigger] ModelRegistration chosen, CancellationToken cancellationToken) =>
        registration.RegisterAsync(chosen, cancellationToken);

    [Function(nameof(PromoteIfBetter))]
    public Task<PromotionDecision> PromoteIfBetter([ActivityTrigger] PromotionRequest request, CancellationToken cancellationToken) =>
        promotion.PromoteIfBetterAsync(request, cancellationToken);

    [Function(nameof(RecordTrainingFailure))]
    public Task RecordTrainingFailure([ActivityTrigger] TrainingFailure failure, CancellationToken cancellationToken) =>
        failures.RecordAsync(failure, cancellationToken);
}

/// <summary>A model's trainer orchestration's input: the model, and the request to run first (the one that ended its last wait).</summary>
public sealed record TrainerInput(string Model, TrainingRequest? Next = null);
