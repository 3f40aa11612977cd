using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MlopsServerless.Core.Serving;
using MlopsServerless.Functions.Http;

namespace MlopsServerless.Functions.Serving;

/// <summary><c>POST /api/models/{model}/predict</c>: one JSON object or an array of them, answered by the champion.</summary>
public sealed class PredictionApi(PredictionService predictions)
{
    [Function(nameof(Predict))]
    public async Task<IActionResult> Predict(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "models/{model}/predict")] HttpRequest request,
        string model,
        CancellationToken cancellationToken)
    {
        if (RouteValues.CheckModelName(model) is { } invalidName)
        {
            return invalidName;
        }

        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException exception)
        {
            return ApiResults.InvalidField("$", $"the body is not valid JSON: {exception.Message}", "Invalid JSON");
        }

        using (body)
        {
            PredictionOutcome outcome = await predictions.PredictAsync(model, body.RootElement, cancellationToken);
            return outcome switch
            {
                PredictionOutcome.NoChampion => ApiResults.NotFound($"Model '{model}' has no champion yet: upload training data to training-data/{model}/."),
                PredictionOutcome.Invalid invalid => ApiResults.InvalidFields(invalid.Errors, $"The input does not fit {model} v{invalid.Version}"),
                PredictionOutcome.Served served => new OkObjectResult(served.IsBatch
                    ? new PredictResponse(served.RequestId, served.Model, served.Version, null, served.Predictions, IgnoredOrNull(served))
                    : new PredictResponse(served.RequestId, served.Model, served.Version, served.Predictions[0], null, IgnoredOrNull(served))),
                _ => throw new InvalidOperationException($"Unexpected outcome {outcome.GetType().Name}."),
            };
        }
    }

    static IReadOnlyList<string>? IgnoredOrNull(PredictionOutcome.Served served) => served.IgnoredFields.Count > 0 ? served.IgnoredFields : null;
}

/// <summary>
/// The answer: the request id (the prediction log's key for feedback), <c>prediction</c> for a single-object request,
/// <c>predictions</c> (in order: row i answers the i-th object) for an array;
/// <c>ignoredFields</c>: request fields that are not features of the model (the label, identifiers…), when there were any.
/// </summary>
public sealed record PredictResponse(string RequestId, string Model, int Version, Prediction? Prediction, IReadOnlyList<Prediction>? Predictions,
    IReadOnlyList<string>? IgnoredFields);
