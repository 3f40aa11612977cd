using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Functions.Http;

namespace MlopsServerless.Functions.Models;

/// <summary><c>POST /api/models/{model}/champion</c>: an operator promotes or rolls back to a registered version.</summary>
public sealed class ChampionApi(ChampionPromotion promotion)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Function(nameof(SetChampion))]
    public async Task<IActionResult> SetChampion(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "models/{model}/champion")] HttpRequest request,
        string model,
        CancellationToken cancellationToken)
    {
        if (RouteValues.CheckModelName(model) is { } invalidName)
        {
            return invalidName;
        }

        SetChampionRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<SetChampionRequest>(request.Body, Json, cancellationToken);
        }
        catch (JsonException exception)
        {
            return ApiResults.InvalidField(exception.Path ?? "$", $"not valid: {exception.Message}", "Invalid request body");
        }

        if (body?.Version is not { } version || version < 1)
        {
            return ApiResults.InvalidField("version", "is required: the registered version (1 or more) to serve", "Invalid request body");
        }

        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            return ApiResults.InvalidField("reason", "is required: say why, it is kept with the champion", "Invalid request body");
        }

        return await promotion.SetChampionAsync(model, version, body.Reason, cancellationToken) is { } champion
            ? new OkObjectResult(champion)
            : ApiResults.NotFound($"Model '{model}' has no version {version}.");
    }
}

/// <summary>The body of <see cref="ChampionApi.SetChampion"/>.</summary>
public sealed record SetChampionRequest(int? Version, string? Reason);
