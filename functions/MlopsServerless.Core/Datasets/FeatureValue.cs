using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlopsServerless.Core.Datasets;

/// <summary>
/// One feature value as the model takes it: a number (numeric and boolean features; NaN = missing) or a category
/// (categorical features; null = missing). In JSON (the prediction log) it is a number, a string or null.
/// </summary>
[JsonConverter(typeof(FeatureValueJsonConverter))]
public readonly record struct FeatureValue(float Number, string? Category)
{
    public static FeatureValue Missing { get; } = new(float.NaN, null);

    public static FeatureValue Of(float number) => new(number, null);

    public static FeatureValue Of(string category) => new(float.NaN, category);

    public bool IsMissing => Category is null && float.IsNaN(Number);
}

public sealed class FeatureValueJsonConverter : JsonConverter<FeatureValue>
{
    public override FeatureValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => FeatureValue.Of(reader.GetSingle()),
            JsonTokenType.String => FeatureValue.Of(reader.GetString()!),
            JsonTokenType.Null => FeatureValue.Missing,
            _ => throw new JsonException($"A feature value is a number, a string or null, not {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, FeatureValue value, JsonSerializerOptions options) => WriteValue(writer, value);

    /// <summary>A category as a string, a finite number as a number, missing (or not finite) as null.</summary>
    public static void WriteValue(Utf8JsonWriter writer, FeatureValue value)
    {
        if (value.Category is { } category)
        {
            writer.WriteStringValue(category);
        }
        else if (float.IsFinite(value.Number))
        {
            writer.WriteNumberValue(value.Number);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    public override bool HandleNull => true;
}
