using System.Text.Json;
using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Serving;

/// <summary>
/// Turns a prediction request body (one JSON object, or an array of them) into rows of feature values in the model's
/// order, read by the same <see cref="FeatureCodec"/> as the training data. Fields that are not features (the label,
/// identifiers, anything else) are ignored and listed; every field that does not fit is named: <c>x1</c> for a single
/// object, <c>[3].x1</c> inside an array.
/// </summary>
public static class PredictionInput
{
    public sealed record Parsed(
        IReadOnlyList<FeatureValue[]> Rows,
        bool IsBatch,
        IReadOnlyDictionary<string, string[]> Errors,
        IReadOnlyList<string> IgnoredFields)
    {
        public bool IsValid => Errors.Count == 0;
    }

    /// <summary>What parsing needs of a model, built once per loaded version: its spec, codec and feature index by name.</summary>
    public sealed class Schema
    {
        Schema(ModelSpec spec)
        {
            Spec = spec;
            Codec = FeatureCodec.For(spec);
            Index = spec.Features.Select((f, i) => (f.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.OrdinalIgnoreCase);
        }

        public ModelSpec Spec { get; }
        public FeatureCodec Codec { get; }
        public IReadOnlyDictionary<string, int> Index { get; }

        public static Schema For(ModelSpec spec) => new(spec);
    }

    public static Parsed Parse(JsonElement body, ModelSpec spec, int maxRows) => Parse(body, Schema.For(spec), maxRows);

    public static Parsed Parse(JsonElement body, Schema schema, int maxRows)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var ignored = new SortedSet<string>(StringComparer.Ordinal);
        var rows = new List<FeatureValue[]>();
        ModelSpec spec = schema.Spec;
        FeatureCodec codec = schema.Codec;
        IReadOnlyDictionary<string, int> index = schema.Index;
        bool isBatch = body.ValueKind == JsonValueKind.Array;

        if (body.ValueKind == JsonValueKind.Object)
        {
            rows.Add(ParseRow(body, spec, codec, index, prefix: string.Empty, errors, ignored));
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
                int i = 0;
                foreach (JsonElement item in body.EnumerateArray())
                {
                    string prefix = $"[{i++}]";
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        rows.Add(ParseRow(item, spec, codec, index, prefix + ".", errors, ignored));
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

        return new Parsed(rows, isBatch,
            errors.Count == 0 ? System.Collections.ObjectModel.ReadOnlyDictionary<string, string[]>.Empty : errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
            ignored.Count == 0 ? [] : ignored.ToList());
    }

    static FeatureValue[] ParseRow(JsonElement row, ModelSpec spec, FeatureCodec codec, IReadOnlyDictionary<string, int> index, string prefix,
        Dictionary<string, List<string>> errors, SortedSet<string> ignored)
    {
        var values = new FeatureValue[spec.Features.Count];
        var seen = new bool[values.Length];
        foreach (JsonProperty property in row.EnumerateObject())
        {
            if (!index.TryGetValue(property.Name, out int i))
            {
                ignored.Add(property.Name);
                continue;
            }

            seen[i] = true;
            FeatureColumn feature = spec.Features[i];
            if (codec.ReadJson(feature.Kind, property.Value, out string? problem) is { } value)
            {
                values[i] = value;
            }
            else
            {
                Add(errors, prefix + property.Name, problem!);
            }
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (!seen[i])
            {
                Add(errors, prefix + spec.Features[i].Name, "is required (send null for a missing value)");
            }
        }

        return values;
    }

    static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out List<string>? messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
    }
}
