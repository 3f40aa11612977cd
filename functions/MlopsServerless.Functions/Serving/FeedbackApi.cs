using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MlopsServerless.Core.Feedback;
using MlopsServerless.Functions.Http;

namespace MlopsServerless.Functions.Serving;

/// <summary>
/// <c>POST /api/models/{model}/feedback</c>: true labels for served predictions, <c>{"requestId", "row", "label"}</c> or an
/// array of them; <c>GET /api/models/{model}/live</c>: the champion's live metrics beside its test metrics.
/// </summary>
public sealed class FeedbackApi(FeedbackService feedback)
{
    [Function(nameof(SendFeedback))]
    public async Task<IActionResult> SendFeedback(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "models/{model}/feedback")] HttpRequest request,
        string model,
        CancellationToken cancellationToken)
    {
        if (RouteValues.CheckModelName(model) is { } invalidName)
        {
            return invalidName;
        }

        (JsonDocument? body, IActionResult? invalidJson) = await RequestBodies.ReadJsonAsync(request, cancellationToken);
        if (body is null)
        {
            return invalidJson!;
        }

        using (body)
        {
            return await feedback.RecordAsync(model, body.RootElement, cancellationToken) switch
            {
                FeedbackOutcome.Recorded recorded => new OkObjectResult(recorded),
                FeedbackOutcome.Invalid invalid => ApiResults.InvalidFields(invalid.Errors, "The feedback does not fit"),
                var other => throw new InvalidOperationException($"Unexpected outcome {other.GetType().Name}."),
            };
        }
    }

    [Function(nameof(GetLiveMetrics))]
    public async Task<IActionResult> GetLiveMetrics(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "models/{model}/live")] HttpRequest request,
        string model,
        CancellationToken cancellationToken) =>
        RouteValues.CheckModelName(model) ?? (await feedback.GetLiveMetricsAsync(model, cancellationToken) is { } live
            ? new OkObjectResult(live)
            : ApiResults.NotFound($"Model '{model}' has no champion with labelled predictions yet: POST them to /api/models/{model}/feedback."));
}
