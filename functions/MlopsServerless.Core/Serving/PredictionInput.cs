using System.Text.Json;
using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Serving;

/// <summary>
/// Turns a prediction request body (one JSON object, or an array of them) into feature vectors in the model's order.
/// Every field that does not fit is named: <c>x1</c> for a single object, <c>[3].x1</c> inside an array.
/// </summary>
public static class PredictionInput
{
    public sealed record Parsed(IReadOnlyList<float[]> Rows, bool IsBatch, IReadOnlyDictionary<string, string[]> Errors)
    {
        public bool IsValid => Errors.Count == 0;
    }

    public static Parsed Parse(JsonElement body, ModelSpec spec, int maxRows)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var rows = new List<float[]>();
        bool isBatch = body.ValueKind == JsonValueKind.Array;

        if (body.ValueKind == JsonValueKind.Object)
        {
            rows.Add(ParseRow(body, spec, prefix: string.Empty, errors));
        }
        else if (isBatch)
        {
            int count = body.GetArrayLength();
            if (count == 0)
            {
                Add(errors, "$", "the array is empty; send at least one row");
            }
            else if (count > maxRows)
            {
                Add(errors, "$", $"{count} rows; at most {maxRows} per request");
            }
            else
            {
                int index = 0;
                foreach (JsonElement item in body.EnumerateArray())
                {
                    string prefix = $"[{index++}]";
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        rows.Add(ParseRow(item, spec, prefix + ".", errors));
                    }
                    else
                    {
                        Add(errors, prefix, "must be a JSON object of feature values");
                    }
                }
            }
        }
        else
        {
            Add(errors, "$", "the body must be a JSON object (one row) or an array of objects (many rows)");
        }

        return new Parsed(rows, isBatch, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    static float[] ParseRow(JsonElement row, ModelSpec spec, string prefix, Dictionary<string, List<string>> errors)
    {
        var values = new float[spec.FeatureColumns.Count];
        var seen = new bool[values.Length];
        var index = spec.FeatureColumns.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.OrdinalIgnoreCase);

        foreach (JsonProperty property in row.EnumerateObject())
        {
            string field = prefix + property.Name;
            if (!index.TryGetValue(property.Name, out int i))
            {
                Add(errors, field, property.Name.Equals(spec.LabelColumn, StringComparison.OrdinalIgnoreCase)
                    ? "is the label; leave it out of prediction requests"
                    : $"is not a feature of this model (features: {string.Join(", ", spec.FeatureColumns)})");
                continue;
            }

            seen[i] = true;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Number when property.Value.TryGetSingle(out float number) && float.IsFinite(number):
                    values[i] = number;
                    break;
                case JsonValueKind.Null:
                    values[i] = float.NaN;
                    break;
                default:
                    Add(errors, field, $"must be a number or null, not {Describe(property.Value)}");
                    break;
            }
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (!seen[i])
            {
                Add(errors, prefix + spec.FeatureColumns[i], "is required (send null for a missing value)");
            }
        }

        return values;
    }

    static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => "a number out of range",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
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
