using System.Text.Json;

namespace MlopsServerless.Core.Datasets;

/// <summary>
/// The one place where a CSV cell or a JSON value becomes a <see cref="FeatureValue"/>, for training, serving, the
/// prediction log and drift alike. Numeric: a number; boolean: 1/0 from any spelling of <see cref="CellValues.TryParseBoolean"/>;
/// categorical: the text as is. Missing tokens are missing for every kind.
/// </summary>
public sealed class FeatureCodec(MissingValues missingValues, bool decimalComma = false)
{
    public MissingValues MissingValues { get; } = missingValues;

    public static FeatureCodec For(ModelSpec spec) => new(new MissingValues(spec.MissingValues));

    /// <summary>False when the cell is not a value of <paramref name="kind"/> (the caller names column and row).</summary>
    public bool TryReadCell(ColumnKind kind, ReadOnlySpan<char> cell, out FeatureValue value)
    {
        if (MissingValues.IsMissing(cell))
        {
            value = FeatureValue.Missing;
            return true;
        }

        switch (kind)
        {
            case ColumnKind.Numeric when CellValues.TryParseNumber(cell, decimalComma, out float number):
                value = FeatureValue.Of(number);
                return true;
            case ColumnKind.Boolean when CellValues.TryParseBoolean(cell, out bool flag):
                value = FeatureValue.Of(flag ? 1f : 0f);
                return true;
            case ColumnKind.Categorical:
                value = FeatureValue.Of(cell.ToString());
                return true;
            default:
                value = FeatureValue.Missing;
                return false;
        }
    }

    /// <summary>A JSON value of a prediction request, or null with what is wrong with it.</summary>
    public FeatureValue? ReadJson(ColumnKind kind, JsonElement json, out string? problem)
    {
        problem = null;
        switch (json.ValueKind)
        {
            case JsonValueKind.Null:
                return FeatureValue.Missing;
            case JsonValueKind.Number when kind == ColumnKind.Numeric && json.TryGetSingle(out float number) && float.IsFinite(number):
                return FeatureValue.Of(number);
            case JsonValueKind.Number when kind == ColumnKind.Boolean && json.TryGetInt32(out int flag) && flag is 0 or 1:
                return FeatureValue.Of(flag);
            case JsonValueKind.Number when kind == ColumnKind.Categorical:
                return FeatureValue.Of(json.GetRawText());
            case JsonValueKind.True or JsonValueKind.False when kind == ColumnKind.Boolean:
                return FeatureValue.Of(json.GetBoolean() ? 1f : 0f);
            case JsonValueKind.True or JsonValueKind.False when kind == ColumnKind.Categorical:
                return FeatureValue.Of(json.GetBoolean() ? "true" : "false");
            case JsonValueKind.String when kind == ColumnKind.Categorical:
                string category = json.GetString()!.Trim();
                return MissingValues.IsMissing(category) ? FeatureValue.Missing : FeatureValue.Of(category);
            case JsonValueKind.String when TryReadCell(kind, json.GetString().AsSpan().Trim(), out FeatureValue value):
                return value;
        }

        problem = kind switch
        {
            ColumnKind.Numeric => $"must be a number or null, not {Describe(json)}",
            ColumnKind.Boolean => $"must be true/false (or yes/no, y/n, 1/0) or null, not {Describe(json)}",
            _ => $"must be a string or null, not {Describe(json)}",
        };
        return null;
    }

    static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };
}
