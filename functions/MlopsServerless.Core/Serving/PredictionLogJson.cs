using System.Buffers;
using System.Text;
using System.Text.Json;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Storage;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Serving;

/// <summary>
/// Writes a <see cref="PredictionLogEntry"/> as the JSON line <see cref="StorageJson"/> writes, byte for byte (a test
/// holds it to that), straight onto a <see cref="Utf8JsonWriter"/>: every served request is serialized once on the
/// request path, where the general serializer's per-property machinery cost more than scoring the row. An instance
/// keeps its buffer and writer from line to line (it is not thread-safe: the log buffer pools them), so a line costs
/// one allocation, its own bytes. Explanations are never logged. Reading a line back is <see cref="StorageJson"/>'s.
/// </summary>
public sealed class PredictionLogJson
{
    readonly ArrayBufferWriter<byte> _buffer = new(4096);
    readonly Utf8JsonWriter _writer;

    public PredictionLogJson() =>
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = StorageJson.Options.Encoder, SkipValidation = true });

    public byte[] Serialize(PredictionLogEntry entry)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        Write(_writer, entry);
        _writer.Flush();
        return _buffer.WrittenSpan.ToArray();
    }

    /// <summary>The request id a line starts with (every line starts <c>{"requestId":"</c>), without parsing the rest; null when it does not.</summary>
    public static string? RequestIdOf(ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> prefix = "{\"requestId\":\""u8;
        if (!line.StartsWith(prefix) || line[prefix.Length..].IndexOf((byte)'"') is not (> 0 and var length))
        {
            return null;
        }

        return Encoding.UTF8.GetString(line.Slice(prefix.Length, length));
    }

    static void Write(Utf8JsonWriter writer, PredictionLogEntry entry)
    {
        writer.WriteStartObject();
        writer.WriteString("requestId", entry.RequestId);
        writer.WriteString("model", entry.Model);
        writer.WriteNumber("version", entry.Version);
        writer.WriteString("servedAt", entry.ServedAt);
        writer.WriteStartArray("featureNames");
        foreach (string name in entry.FeatureNames)
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("inputs");
        foreach (FeatureValue[] row in entry.Inputs)
        {
            writer.WriteStartArray();
            foreach (FeatureValue value in row)
            {
                FeatureValueJsonConverter.WriteValue(writer, value);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("outputs");
        foreach (Prediction prediction in entry.Outputs)
        {
            WritePrediction(writer, prediction);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    static void WritePrediction(Utf8JsonWriter writer, Prediction prediction)
    {
        writer.WriteStartObject();
        WriteNumber(writer, "value", prediction.Value);
        if (prediction.PredictedLabel is { } label)
        {
            writer.WriteBoolean("predictedLabel", label);
        }

        WriteNumber(writer, "probability", prediction.Probability);
        if (prediction.PredictedClass is { } predictedClass)
        {
            writer.WriteString("predictedClass", predictedClass);
        }

        if (prediction.ClassScores is { } scores)
        {
            writer.WriteStartObject("classScores");
            foreach ((string name, double score) in scores)
            {
                WriteNumber(writer, name, score);
            }

            writer.WriteEndObject();
        }

        if (prediction.Region is { } region)
        {
            WriteRegion(writer, region);
        }

        writer.WriteEndObject();
    }

    static void WriteRegion(Utf8JsonWriter writer, PredictionRegion region)
    {
        writer.WriteStartObject("region");
        WriteNumber(writer, "coverage", region.Coverage);
        WriteNumber(writer, "lower", region.Lower);
        WriteNumber(writer, "upper", region.Upper);
        if (region.Set is { } set)
        {
            writer.WriteStartArray("set");
            foreach (string member in set)
            {
                writer.WriteStringValue(member);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>A number as <see cref="StorageJson"/> writes it: absent when null, named when not finite.</summary>
    static void WriteNumber(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is not { } number)
        {
            return;
        }

        if (double.IsFinite(number))
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteString(name, double.IsNaN(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity");
        }
    }
}
