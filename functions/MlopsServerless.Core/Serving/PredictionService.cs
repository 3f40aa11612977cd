using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlopsServerless.Core.Configuration;

namespace MlopsServerless.Core.Serving;

/// <summary>Answers a prediction request with the model's champion and logs what it served.</summary>
public sealed class PredictionService(
    ChampionModelCache champions,
    PredictionLog log,
    IOptions<PredictionOptions> options,
    TimeProvider time,
    ILogger<PredictionService> logger)
{
    public async Task<PredictionOutcome> PredictAsync(string model, JsonElement body, CancellationToken cancellationToken)
    {
        ServedModel? served = await champions.GetChampionAsync(model, cancellationToken);
        if (served is null)
        {
            return new PredictionOutcome.NoChampion(model);
        }

        PredictionInput.Parsed input = PredictionInput.Parse(body, served.Engine.Spec, options.Value.MaxRowsPerRequest);
        if (!input.IsValid)
        {
            return new PredictionOutcome.Invalid(model, served.Version, input.Errors);
        }

        IReadOnlyList<Prediction> predictions = served.Engine.Predict(input.Rows);
        await log.WriteAsync(new PredictionLogEntry(model, served.Version, time.GetUtcNow(), served.Engine.Spec.FeatureNames.ToList(),
            input.Rows, predictions), cancellationToken);
        logger.LogDebug("Served {Rows} predictions of {Model} v{Version}", predictions.Count, model, served.Version);
        return new PredictionOutcome.Served(model, served.Version, input.IsBatch, predictions, input.IgnoredFields);
    }
}
