using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Runs;
using MlopsServerless.Functions.Http;

namespace MlopsServerless.Functions.Training;

/// <summary>One run's progress, and an operator's retrain.</summary>
public sealed class TrainingRunsApi(TrainingRunStore runs, RetrainRequests retrains)
{
    /// <summary>
    /// <c>GET /api/models/{model}/runs/{runId}</c>: the run record; while the run goes on, its progress is the model's
    /// trainer orchestration's custom status (current step, step timings, each candidate's state and metrics).
    /// </summary>
    [Function(nameof(GetTrainingRun))]
    public async Task<IActionResult> GetTrainingRun(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "models/{model}/runs/{runId}")] HttpRequest request,
        string model,
        string runId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (RouteValues.CheckModelName(model) is { } invalidName)
        {
            return invalidName;
        }

        TrainingRun? run = await runs.GetAsync(model, runId, cancellationToken);
        if (run is null)
        {
            return ApiResults.NotFound($"Model '{model}' has no run '{runId}'.");
        }

        OrchestrationMetadata? trainer = run.Progress is null
            ? await client.GetInstanceAsync(TrainingWorkflow.TrainerInstanceId(model), getInputsAndOutputs: true, cancellationToken)
            : null;
        RunProgress? live = trainer?.SerializedCustomStatus is { Length: > 0 } ? trainer.ReadCustomStatusAs<RunProgress>() : null;
        live = live?.RunId == runId ? live : null;
        return new OkObjectResult(live is null ? run : run with { Progress = live });
    }

    /// <summary>
    /// <c>POST /api/models/{model}/retrain</c> (admin): queues a run on the latest registered version's data, trained even
    /// though a version of it exists. 202 with the run id and where to follow it; 404 when nothing was ever registered.
    /// </summary>
    [Function(nameof(Retrain))]
    public async Task<IActionResult> Retrain(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "models/{model}/retrain")] HttpRequest request,
        string model,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (RouteValues.CheckModelName(model) is { } invalidName)
        {
            return invalidName;
        }

        TrainingRequest? queued = await retrains.QueueAsync(model, cancellationToken);
        if (queued is null)
        {
            return ApiResults.NotFound($"Model '{model}' has no registered version to retrain on: upload training data to training-data/{model}/.");
        }

        await TrainingWorkflow.SubmitAsync(client, queued, cancellationToken);
        string location = $"/api/models/{model}/runs/{queued.RunId}";
        return new AcceptedResult(location, new RetrainResponse(model, queued.RunId, location));
    }
}

/// <summary>The answer to a retrain: the queued run and the route that shows its progress.</summary>
public sealed record RetrainResponse(string Model, string RunId, string Status);
