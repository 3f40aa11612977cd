using System.Text.Json;
using Microsoft.Extensions.Options;
using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Serving;

namespace MlopsServerless.Core.Feedback;

/// <summary>
/// Takes true labels for served predictions — <c>{"requestId", "row", "label"}</c>, one object or an array — checks
/// each against the prediction log (the request must exist and the row be one it served) and the served version's task,
/// and stores them with the prediction they answer. All or nothing: any item that does not fit is named and nothing is stored.
/// </summary>
public sealed class FeedbackService(
    PredictionLog log,
    FeedbackStore store,
    ModelRegistry registry,
    IOptions<PredictionOptions> options,
    TimeProvider time)
{
    public async Task<FeedbackOutcome> RecordAsync(string model, JsonElement body, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var records = new List<FeedbackRecord>();
        bool isBatch = body.ValueKind == JsonValueKind.Array;
        List<JsonElement> items = isBatch ? body.EnumerateArray().ToList() : body.ValueKind == JsonValueKind.Object ? [body] : [];
        if (items.Count == 0 || items.Count > options.Value.MaxRowsPerRequest)
        {
            Add(errors, "$", $"send one object {{\"requestId\", \"row\", \"label\"}} or an array of 1 to {options.Value.MaxRowsPerRequest} of them");
            return new FeedbackOutcome.Invalid(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }

        IReadOnlyDictionary<string, PredictionLogEntry> entries = await log.FindAsync(model, items
            .Where(item => item.ValueKind == JsonValueKind.Object)
            .Select(RequestIdOf)
            .OfType<string>()
            .ToList(), cancellationToken);
        var tasks = new Dictionary<int, ModelTask>();
        for (int i = 0; i < items.Count; i++)
        {
            string prefix = isBatch ? $"[{i}]." : string.Empty;
            JsonElement item = items[i];
            if (item.ValueKind != JsonValueKind.Object)
            {
                Add(errors, isBatch ? $"[{i}]" : "$", "must be an object {\"requestId\", \"row\", \"label\"}");
                continue;
            }

            string? requestId = RequestIdOf(item);
            int row = item.TryGetProperty("row", out JsonElement r) && r.ValueKind == JsonValueKind.Number && r.TryGetInt32(out int n) ? n : 0;
            if (requestId is null || !PredictionRequestId.IsValid(requestId))
            {
                Add(errors, prefix + "requestId", "is required: the requestId of the prediction answer");
                continue;
            }

            if (!entries.TryGetValue(requestId, out PredictionLogEntry? entry))
            {
                Add(errors, prefix + "requestId", $"no prediction of {model} has this id (or it is not logged yet: try again in a few seconds)");
                continue;
            }

            if (row < 0 || row >= entry.Outputs.Count)
            {
                Add(errors, prefix + "row", $"the request served {entry.Outputs.Count} row(s); row is 0 to {entry.Outputs.Count - 1}");
                continue;
            }

            if (!tasks.TryGetValue(entry.Version, out ModelTask task))
            {
                tasks[entry.Version] = task = (await registry.GetVersionAsync(model, entry.Version, cancellationToken))?.Spec.Task
                    ?? throw new InvalidOperationException($"{model} v{entry.Version} served a request but is not registered.");
            }

            if (!item.TryGetProperty("label", out JsonElement label) || Normalise(task, label) is not { } normalised)
            {
                Add(errors, prefix + "label", task switch
                {
                    ModelTask.Binary => "is required: true/false (or 1/0, yes/no)",
                    ModelTask.Regression => "is required: a number",
                    _ => "is required: the class name",
                });
                continue;
            }

            records.Add(new FeedbackRecord(model, requestId, row, entry.Version, entry.ServedAt, time.GetUtcNow(), normalised, entry.Outputs[row]));
        }

        if (errors.Count > 0)
        {
            return new FeedbackOutcome.Invalid(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }

        await store.SaveAsync(records, cancellationToken);
        return new FeedbackOutcome.Recorded(model, records.Count);
    }

    /// <summary>The champion's live metrics over the last <see cref="PredictionOptions.LiveMetricsWindowHours"/>, or null without labels.</summary>
    public async Task<LiveMetrics?> GetLiveMetricsAsync(string model, CancellationToken cancellationToken)
    {
        Champion? champion = await registry.GetChampionAsync(model, cancellationToken);
        if (champion is null || await registry.GetVersionAsync(model, champion.Version, cancellationToken) is not { } version)
        {
            return null;
        }

        DateTimeOffset to = time.GetUtcNow();
        DateTimeOffset from = to.AddHours(-options.Value.LiveMetricsWindowHours);
        IReadOnlyList<FeedbackRecord> records = (await store.ReadAsync(model, from, to, cancellationToken))
            .Where(r => r.Version == champion.Version).ToList();
        return records.Count == 0
            ? null
            : new LiveMetrics(champion.Version, from, to, records.Count, LiveMetrics.Compute(version.Spec.Task, records), version.Metrics);
    }

    static string? RequestIdOf(JsonElement item) =>
        item.TryGetProperty("requestId", out JsonElement id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    static string? Normalise(ModelTask task, JsonElement label) => (task, label.ValueKind) switch
    {
        (ModelTask.Binary, JsonValueKind.True or JsonValueKind.False) => label.GetBoolean() ? "true" : "false",
        (ModelTask.Binary, JsonValueKind.Number or JsonValueKind.String) =>
            CellValues.TryParseBoolean(label.ValueKind == JsonValueKind.String ? label.GetString() : label.GetRawText(), out bool b) ? (b ? "true" : "false") : null,
        (ModelTask.Regression, JsonValueKind.Number) when label.TryGetDouble(out double v) && double.IsFinite(v) =>
            v.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        (ModelTask.Multiclass, JsonValueKind.String) when label.GetString() is { Length: > 0 } name => name,
        (ModelTask.Multiclass, JsonValueKind.Number) => label.GetRawText(),
        _ => null,
    };

    static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out List<string>? messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
    }
}
