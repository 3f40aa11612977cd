using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Serving;
using MlopsServerless.Functions.Http;

namespace MlopsServerless.Functions.Serving;

/// <summary>
/// Predictions: one JSON object or an array of them, answered by the champion (<c>POST /api/models/{model}/predict</c>),
/// by another alias's holder, or by one version; all through the same <see cref="PredictionService"/> path.
/// <c>?explain=true</c> adds each row's feature contributions.
/// </summary>
public sealed class PredictionApi(PredictionService predictions)
{
    public const string ExplainParameter = "explain";

    [Function(nameof(Predict))]
    public Task<IActionResult> Predict(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "models/{model}/predict")] HttpRequest request,
        string model,
        CancellationToken cancellationToken) =>
        AnswerAsync(request, model, ModelTarget.Champion, cancellationToken);

    [Function(nameof(PredictByAlias))]
    public async Task<IActionResult> PredictByAlias(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "models/{model}/aliases/{alias}/predict")] HttpRequest request,
        string model,
        string alias,
        CancellationToken cancellationToken) =>
        RouteValues.CheckModelAndAlias(model, alias) ?? await AnswerAsync(request, model, ModelTarget.ByAlias(alias), cancellationToken);

    [Function(nameof(PredictByVersion))]
    public Task<IActionResult> PredictByVersion(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "models/{model}/versions/{version:int}/predict")] HttpRequest request,
        string model,
        int version,
        CancellationToken cancellationToken) =>
        AnswerAsync(request, model, ModelTarget.ByVersion(version), cancellationToken);

    async Task<IActionResult> AnswerAsync(HttpRequest request, string model, ModelTarget target, CancellationToken cancellationToken)
    {
        if (RouteValues.CheckModelName(model) is { } invalidName)
        {
            return invalidName;
        }

        (bool explain, IActionResult? invalidExplain) = QueryFlags.Read(request, ExplainParameter);
        if (invalidExplain is not null)
        {
            return invalidExplain;
        }

        (JsonDocument? body, IActionResult? invalidJson) = await RequestBodies.ReadJsonAsync(request, cancellationToken);
        if (body is null)
        {
            return invalidJson!;
        }

        using (body)
        {
            PredictionOutcome outcome = await predictions.PredictAsync(model, target, body.RootElement, explain, cancellationToken);
            return outcome switch
            {
                PredictionOutcome.NotFound => ApiResults.NotFound(target switch
                {
                    { Alias: AliasName.Champion } => $"Model '{model}' has no champion yet: upload training data to training-data/{model}/.",
                    { Alias: { } alias } => $"Alias '{alias}' of model '{model}' points at no version.",
                    _ => $"Model '{model}' has no version {target.Version}.",
                }),
                PredictionOutcome.Archived archived => ApiResults.Conflict(
                    $"{model} v{archived.Version} is archived: it is kept but not served (unarchive it to serve it again)."),
                PredictionOutcome.Invalid invalid => ApiResults.InvalidFields(invalid.Errors, $"The input does not fit {model} v{invalid.Version}"),
                PredictionOutcome.Served served => new JsonAnswer<PredictResponse>(served.IsBatch
                    ? new PredictResponse(served.RequestId, served.Model, served.Version, null, served.Predictions, IgnoredOrNull(served), target.Alias,
                        served.ExplainUnsupported)
                    : new PredictResponse(served.RequestId, served.Model, served.Version, served.Predictions[0], null, IgnoredOrNull(served), target.Alias,
                        served.ExplainUnsupported)),
                _ => throw new InvalidOperationException($"Unexpected outcome {outcome.GetType().Name}."),
            };
        }
    }

    static IReadOnlyList<string>? IgnoredOrNull(PredictionOutcome.Served served) => served.IgnoredFields.Count > 0 ? served.IgnoredFields : null;
}

/// <summary>
/// The answer: the request id (the prediction log's key for feedback), <c>prediction</c> for a single-object request,
/// <c>predictions</c> (in order: row i answers the i-th object) for an array;
/// <c>ignoredFields</c>: request fields that are not features of the model (the label, identifiers…), when there were any;
/// <c>alias</c>: the alias that chose the version (<c>champion</c> for <c>/predict</c>), absent when a version was asked for by number;
/// <c>explainUnsupported</c>: why no row carries an <c>explanation</c> although <c>?explain=true</c> asked for one.
/// </summary>
public sealed record PredictResponse(string RequestId, string Model, int Version, Prediction? Prediction, IReadOnlyList<Prediction>? Predictions,
    IReadOnlyList<string>? IgnoredFields, string? Alias = null, string? ExplainUnsupported = null);
