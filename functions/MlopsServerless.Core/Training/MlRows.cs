using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlopsServerless.Core.Training;

// ML.NET schema classes. They stay inside Core: HTTP contracts and storage records never use them.

internal sealed class BinaryRow
{
    public bool Label { get; set; }
    public float[] Features { get; set; } = [];
}

internal sealed class RegressionRow
{
    public float Label { get; set; }
    public float[] Features { get; set; } = [];
}

internal sealed class MulticlassRow
{
    public string Label { get; set; } = string.Empty;
    public float[] Features { get; set; } = [];
}

internal sealed class BinaryOutput
{
    public bool PredictedLabel { get; set; }
    public float Probability { get; set; }
    public float Score { get; set; }
}

internal sealed class RegressionOutput
{
    public float Score { get; set; }
}

internal sealed class MulticlassOutput
{
    public string PredictedClass { get; set; } = string.Empty;
    public float[] Score { get; set; } = [];
}

internal static class MlRows
{
    public const string Label = nameof(BinaryRow.Label);
    public const string Features = nameof(BinaryRow.Features);
    public const string PredictedLabel = nameof(BinaryOutput.PredictedLabel);
    public const string PredictedClass = nameof(MulticlassOutput.PredictedClass);
    public const string Score = nameof(BinaryOutput.Score);

    /// <summary>The schema of <typeparamref name="TRow"/> with its feature vector sized to the model's feature count.</summary>
    public static SchemaDefinition Schema<TRow>(int featureCount)
    {
        SchemaDefinition definition = SchemaDefinition.Create(typeof(TRow));
        definition[Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return definition;
    }

    public static IDataView ToDataView(MLContext ml, ModelTaskRows rows) => rows switch
    {
        ModelTaskRows.Binary b => ml.Data.LoadFromEnumerable(b.Rows, Schema<BinaryRow>(b.FeatureCount)),
        ModelTaskRows.Regression r => ml.Data.LoadFromEnumerable(r.Rows, Schema<RegressionRow>(r.FeatureCount)),
        ModelTaskRows.Multiclass m => ml.Data.LoadFromEnumerable(m.Rows, Schema<MulticlassRow>(m.FeatureCount)),
        _ => throw new ArgumentOutOfRangeException(nameof(rows)),
    };
}
