using System.Security.Cryptography;
using System.Text;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Batch;
using MlopsServerless.Core.Storage;
using MlopsServerless.Functions.Http;

namespace MlopsServerless.Functions.Batch;

/// <summary>
/// Scoring past one request and one instance: <c>POST /api/models/{model}/batch</c> names a CSV in <c>batch-input</c>;
/// the <see cref="ScoreBatch"/> orchestration pins the champion version, cuts the rows into chunks, scores the chunks in
/// parallel activities and combines them, in input order, into <c>batch-output/{model}/{jobId}.csv</c>;
/// <c>GET /api/models/{model}/batch/{jobId}</c> shows its progress and result.
/// </summary>
public sealed class BatchScoringWorkflow(BatchScoring scoring, StorageClients storage)
{
    static readonly TaskOptions ActivityRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 2));

    [Function(nameof(StartBatch))]
    public async Task<IActionResult> StartBatch(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "models/{model}/batch")] HttpRequest request,
        string model,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (RouteValues.CheckModelName(model) is { } invalidName)
        {
            return invalidName;
        }

        (StartBatchRequest? body, IActionResult? invalidBody) = await RequestBodies.ReadAsync<StartBatchRequest>(request, cancellationToken);
        if (invalidBody is not null)
        {
            return invalidBody;
        }

        string prefix = $"{StorageNames.Containers.BatchInput}/{model}/";
        if (body?.InputBlob is not { } input || !input.StartsWith(prefix, StringComparison.Ordinal) || input.Length == prefix.Length)
        {
            return ApiResults.InvalidField("inputBlob", $"is required: the CSV to score, uploaded under {prefix}", "Invalid request body");
        }

        ETag etag;
        try
        {
            etag = (await storage.Blob(input).GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ETag;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return ApiResults.InvalidField("inputBlob", $"{input} does not exist", "Invalid request body");
        }

        string jobId = $"batch-{model}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{input}\n{etag}")))[..16]}";
        if (await client.GetInstanceAsync(jobId, cancellationToken) is null)
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(ScoreBatch), new BatchJobRequest(model, jobId, input),
                new StartOrchestrationOptions(InstanceId: jobId), cancellationToken);
        }

        string status = $"/api/models/{model}/batch/{jobId}";
        return new AcceptedResult(status, new BatchJobAccepted(model, jobId, status));
    }

    [Function(nameof(GetBatch))]
    public async Task<IActionResult> GetBatch(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "models/{model}/batch/{jobId}")] HttpRequest request,
        string model,
        string jobId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (RouteValues.CheckModelName(model) is { } invalidName)
        {
            return invalidName;
        }

        OrchestrationMetadata? instance = await client.GetInstanceAsync(jobId, getInputsAndOutputs: true, cancellationToken);
        if (instance is null || !jobId.StartsWith($"batch-{model}-", StringComparison.Ordinal))
        {
            return ApiResults.NotFound($"Model '{model}' has no batch job '{jobId}'.");
        }

        return new OkObjectResult(new BatchJobStatus(model, jobId, instance.RuntimeStatus.ToString(),
            instance.SerializedCustomStatus is { Length: > 0 } ? instance.ReadCustomStatusAs<BatchProgress>() : null,
            instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<BatchJobResult>() : null,
            instance.FailureDetails?.ErrorMessage));
    }

    [Function(nameof(ScoreBatch))]
    public static async Task<BatchJobResult> ScoreBatch([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        BatchJobRequest job = context.GetInput<BatchJobRequest>() ?? throw new InvalidOperationException("A batch job needs its request.");
        BatchPlan plan = await context.CallActivityAsync<BatchPlan>(nameof(PlanBatch), job, ActivityRetry);
        context.SetCustomStatus(new BatchProgress(plan.Version, plan.RowCount, plan.Chunks.Count, 0));
        var scoring = plan.Chunks.Select(chunk => context.CallActivityAsync<BatchChunkResult>(nameof(ScoreBatchChunk),
            new BatchChunkTask(plan, chunk), ActivityRetry)).ToList();
        var done = new List<BatchChunkResult>();
        while (scoring.Count > 0)
        {
            Task<BatchChunkResult> finished = await Task.WhenAny(scoring);
            scoring.Remove(finished);
            done.Add(await finished);
            context.SetCustomStatus(new BatchProgress(plan.Version, plan.RowCount, plan.Chunks.Count, done.Count));
        }

        return await context.CallActivityAsync<BatchJobResult>(nameof(CombineBatch), new BatchCombineTask(plan, done), ActivityRetry);
    }

    [Function(nameof(PlanBatch))]
    public Task<BatchPlan> PlanBatch([ActivityTrigger] BatchJobRequest job, CancellationToken cancellationToken) =>
        scoring.PlanAsync(job, cancellationToken);

    [Function(nameof(ScoreBatchChunk))]
    public Task<BatchChunkResult> ScoreBatchChunk([ActivityTrigger] BatchChunkTask task, CancellationToken cancellationToken) =>
        scoring.ScoreChunkAsync(task.Plan, task.Chunk, cancellationToken);

    [Function(nameof(CombineBatch))]
    public Task<BatchJobResult> CombineBatch([ActivityTrigger] BatchCombineTask task, CancellationToken cancellationToken) =>
        scoring.CombineAsync(task.Plan, task.Chunks, cancellationToken);
}

/// <summary>The body of <see cref="BatchScoringWorkflow.StartBatch"/>: <c>{"inputBlob": "batch-input/{model}/rows.csv"}</c>.</summary>
public sealed record StartBatchRequest(string? InputBlob);

public sealed record BatchJobAccepted(string Model, string JobId, string Status);

/// <summary>A job's orchestration status, its progress (chunks scored of all) and, when completed, its result.</summary>
public sealed record BatchJobStatus(string Model, string JobId, string RuntimeStatus, BatchProgress? Progress, BatchJobResult? Result, string? Failure);

public sealed record BatchProgress(int Version, int Rows, int Chunks, int ChunksScored);

public sealed record BatchChunkTask(BatchPlan Plan, BatchChunk Chunk);

public sealed record BatchCombineTask(BatchPlan Plan, IReadOnlyList<BatchChunkResult> Chunks);
