using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Shadow;

namespace MlopsServerless.Core.Serving;

/// <summary>
/// Answers a prediction request with the version its target resolves to (the champion's, another alias's, or a version
/// by number; with the version's conformal interval or set, when it has one) and hands what it served to the log
/// buffer; the request never waits for storage beyond the cached pointer and the cached model. Asked to explain, it
/// adds each row's feature contributions to the answer (not to the log), or says why the model cannot be explained.
/// </summary>
public sealed class PredictionService(
    ModelServingCache models,
    PredictionLogBuffer log,
    ShadowScoring shadow,
    IOptions<PredictionOptions> options,
    TimeProvider time,
    ILogger<PredictionService> logger)
{
    /// <summary>Answered by the champion.</summary>
    public Task<PredictionOutcome> PredictAsync(string model, JsonElement body, CancellationToken cancellationToken) =>
        PredictAsync(model, ModelTarget.Champion, body, cancellationToken);

    public Task<PredictionOutcome> PredictAsync(string model, ModelTarget target, JsonElement body, CancellationToken cancellationToken) =>
        PredictAsync(model, target, body, explain: false, cancellationToken);

    public async Task<PredictionOutcome> PredictAsync(string model, ModelTarget target, JsonElement body, bool explain,
        CancellationToken cancellationToken)
    {
        ServingPointer pointer = await models.ResolveAsync(model, target, cancellationToken);
        if (pointer.Version is not { } version)
        {
            return new PredictionOutcome.NotFound(model, target);
        }

        if (pointer.Archived)
        {
            return new PredictionOutcome.Archived(model, version);
        }

        ServedModel served = await models.GetAsync(model, version, cancellationToken);
        PredictionInput.Parsed input = PredictionInput.Parse(body, served.Input, options.Value.MaxRowsPerRequest);
        if (!input.IsValid)
        {
            return new PredictionOutcome.Invalid(model, served.Version, input.Errors);
        }

        IReadOnlyList<Prediction> predictions = served.Engine.Predict(input.Rows);
        if (served.Conformal is { } conformal)
        {
            ModelTask task = served.Engine.Spec.Task;
            predictions = predictions.Select(p => p with { Region = conformal.Region(task, p) }).ToList();
        }

        DateTimeOffset servedAt = time.GetUtcNow();
        string requestId = PredictionRequestId.New(servedAt);
        var entry = new PredictionLogEntry(requestId, model, served.Version, servedAt, served.FeatureNames, input.Rows, predictions);
        log.Add(entry);
        if (target == ModelTarget.Champion)
        {
            shadow.Offer(entry);
        }

        logger.LogDebug("Served {Rows} predictions of {Model} v{Version}", predictions.Count, model, served.Version);
        if (!explain)
        {
            return new PredictionOutcome.Served(requestId, model, served.Version, input.IsBatch, predictions, input.IgnoredFields);
        }

        ModelExplainer explainer = served.Engine.Explainer;
        if (explainer.Unsupported is { } reason)
        {
            return new PredictionOutcome.Served(requestId, model, served.Version, input.IsBatch, predictions, input.IgnoredFields, reason);
        }

        IReadOnlyList<Explanation> explanations = explainer.Explain(input.Rows);
        return new PredictionOutcome.Served(requestId, model, served.Version, input.IsBatch,
            predictions.Select((p, i) => p with { Explanation = explanations[i] }).ToList(), input.IgnoredFields);
    }
}
