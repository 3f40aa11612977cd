using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Training;
using MlopsServerless.Functions.Health;
using MlopsServerless.Functions.Http;

namespace MlopsServerless.Functions.Models;

/// <summary>Read-only admin API over the registry: champions, versions, runs, drift; and the host's health.</summary>
public sealed class ModelsApi(ModelCatalog catalog, NativeLibraryProbe nativeLibraries)
{
    [Function(nameof(ListModels))]
    public async Task<IActionResult> ListModels(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "models")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new OkObjectResult(new ModelList(await catalog.ListChampionsAsync(cancellationToken), HostHealth.From(nativeLibraries)));

    [Function(nameof(GetModel))]
    public async Task<IActionResult> GetModel(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "models/{model}")] HttpRequest request,
        string model,
        CancellationToken cancellationToken)
    {
        if (RouteValues.CheckModelName(model) is { } invalidName)
        {
            return invalidName;
        }

        return await catalog.GetOverviewAsync(model, cancellationToken) is { } overview
            ? new OkObjectResult(overview)
            : ApiResults.NotFound($"Nothing is known of model '{model}': upload training data to training-data/{model}/.");
    }

    /// <summary><c>GET /api/models/{model}/versions/{version}</c>: the version's model card (archived versions too).</summary>
    [Function(nameof(GetModelVersion))]
    public async Task<IActionResult> GetModelVersion(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "models/{model}/versions/{version:int}")] HttpRequest request,
        string model,
        int version,
        CancellationToken cancellationToken)
    {
        if (RouteValues.CheckModelName(model) is { } invalidName)
        {
            return invalidName;
        }

        return await catalog.GetVersionCardAsync(model, version, cancellationToken) is { } card
            ? new OkObjectResult(card)
            : ApiResults.NotFound($"Model '{model}' has no version {version}.");
    }

    [Function(nameof(ListTrainingRuns))]
    public async Task<IActionResult> ListTrainingRuns(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "models/{model}/runs")] HttpRequest request,
        string model,
        CancellationToken cancellationToken) =>
        RouteValues.CheckModelName(model) ?? new OkObjectResult(await catalog.ListRunsAsync(model, cancellationToken));
}
