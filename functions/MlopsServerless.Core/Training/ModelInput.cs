using Microsoft.ML;
using Microsoft.ML.Data;
using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Training;

/// <summary>
/// The input schema of every saved model: one column per feature (numeric and boolean as Single with NaN for missing,
/// categorical as text with empty for missing) and, for training, the label. Column names are prefixed so that a
/// feature called "Label" or "Features" cannot collide with ML.NET's own columns.
/// </summary>
internal static class ModelInput
{
    public const string Label = "Label";
    public const string Features = "Features";

    public static string ColumnName(FeatureColumn feature) => "in." + feature.Name;

    public static DataViewType TypeOf(FeatureColumn feature) =>
        feature.Kind == ColumnKind.Categorical ? TextDataViewType.Instance : NumberDataViewType.Single;

    public static DataViewType LabelType(ModelTask task) => task switch
    {
        ModelTask.Binary => BooleanDataViewType.Instance,
        ModelTask.Regression => NumberDataViewType.Single,
        _ => TextDataViewType.Instance,
    };

    public static DataViewSchema Schema(ModelSpec spec, bool withLabel)
    {
        var builder = new DataViewSchema.Builder();
        foreach (FeatureColumn feature in spec.Features)
        {
            builder.AddColumn(ColumnName(feature), TypeOf(feature));
        }

        if (withLabel)
        {
            builder.AddColumn(Label, LabelType(spec.Task));
        }

        return builder.ToSchema();
    }

    /// <summary>An empty view with the model's input schema (to save a model, or to read its output schema).</summary>
    public static IDataView Empty(ModelSpec spec) => new DatasetDataView(new PreparedDataset(spec,
        spec.Features.Select(f => f.Kind == ColumnKind.Categorical
            ? (FeatureData)new FeatureData.Categories(f, [], [])
            : new FeatureData.Numbers(f, [])).ToList(), []), [], withLabel: false);
}
