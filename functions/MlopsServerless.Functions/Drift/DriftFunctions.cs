using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Registry;
using MlopsServerless.Functions.Http;
using MlopsServerless.Functions.Training;

namespace MlopsServerless.Functions.Drift;

/// <summary>
/// Drift of champions: every champion on the CRON schedule from settings or on demand, one model on demand, and a
/// model's report history. A measurement acts by the model's drift policy; a retrain it queued is handed to the model's
/// trainer orchestration as the retrain route hands its own (<see cref="TrainingWorkflow.SubmitAsync"/>).
/// </summary>
public sealed class DriftFunctions(DriftMonitor monitor, ModelCatalog catalog, TimeProvider time)
{
    [Function(nameof(MeasureDriftOnSchedule))]
    public async Task MeasureDriftOnSchedule(
        [TimerTrigger("%" + SettingKeys.DriftSchedule + "%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        await MeasureEveryChampionAsync(client, cancellationToken);

    [Function(nameof(MeasureDriftNow))]
    public async Task<IActionResult> MeasureDriftNow(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "drift/run")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        new OkObjectResult(await MeasureEveryChampionAsync(client, cancellationToken));

    /// <summary><c>POST /api/models/{model}/drift/run</c> (admin): measures the model's champion now, acts by its policy, answers the report with the action.</summary>
    [Function(nameof(MeasureModelDriftNow))]
    public async Task<IActionResult> MeasureModelDriftNow(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "models/{model}/drift/run")] HttpRequest request,
        string model,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (RouteValues.CheckModelName(model) is { } invalidName)
        {
            return invalidName;
        }

        if (await monitor.MeasureModelAsync(model, cancellationToken) is not { } measured)
        {
            return ApiResults.NotFound($"Model '{model}' has no champion to measure: upload training data to training-data/{model}/.");
        }

        await StartRetrainsAsync(client, measured.Retrain is { } retrain ? [retrain] : [], cancellationToken);
        return new OkObjectResult(measured.Report);
    }

    /// <summary><c>GET /api/models/{model}/drift?from=&amp;to=</c>: the model's reports computed in the window, newest first (default: the last 7 days).</summary>
    [Function(nameof(GetModelDrift))]
    public async Task<IActionResult> GetModelDrift(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "models/{model}/drift")] HttpRequest request,
        string model,
        CancellationToken cancellationToken)
    {
        if (RouteValues.CheckModelName(model) is { } invalidName)
        {
            return invalidName;
        }

        if (DriftHistoryWindow.Parse(request.Query["from"], request.Query["to"], time.GetUtcNow(), out IReadOnlyDictionary<string, string[]> errors)
            is not { } window)
        {
            return ApiResults.InvalidFields(errors, "Invalid drift window");
        }

        return await catalog.GetDriftHistoryAsync(model, window, cancellationToken) is { } history
            ? new OkObjectResult(history)
            : ApiResults.NotFound($"Model '{model}' has no registered version: upload training data to training-data/{model}/.");
    }

    /// <summary>Every champion measured and acted on; the retrains queued are started even when another model failed, then that failure is thrown.</summary>
    async Task<IReadOnlyList<DriftReport>> MeasureEveryChampionAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        DriftRun run = await monitor.RunAsync(cancellationToken);
        await StartRetrainsAsync(client, run.Retrains, cancellationToken);
        run.ThrowIfAnyFailed();
        return run.Reports;
    }

    static async Task StartRetrainsAsync(DurableTaskClient client, IEnumerable<TrainingRequest> retrains, CancellationToken cancellationToken)
    {
        foreach (TrainingRequest retrain in retrains)
        {
            await TrainingWorkflow.SubmitAsync(client, retrain, cancellationToken);
        }
    }
}
