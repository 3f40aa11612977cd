using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Training;

/// <summary>
/// The featurisation saved inside every model, so serving can never disagree with training: categorical features
/// one-hot encoded (hashed into 2^<see cref="HashBits"/> slots above the one-hot limit; an unseen or missing category
/// encodes as all zeros), booleans as 0/1, numeric features with missing training values replaced by their mean plus
/// a missing indicator; then everything concatenated into <see cref="ModelInput.Features"/>.
/// </summary>
internal static class FeaturePipeline
{
    public const int HashBits = 10;

    const string Encoded = "enc.";
    const string Missing = "missing.";
    const string MissingFlag = "missingflag.";
    const string Filled = "filled.";

    /// <param name="imputeEveryNumber">Replace missing values in every numeric feature (linear models cannot take NaN at
    /// serving even where training had none), not only in those with missing training values.</param>
    public static IEstimator<ITransformer> Build(MLContext ml, PreparedDataset dataset, IReadOnlyList<int> trainRows,
        int oneHotMaxCategories, IDictionary<string, string> parameters, bool imputeEveryNumber = false)
    {
        var featureColumns = new List<string>();
        var steps = new List<IEstimator<ITransformer>>();
        for (int f = 0; f < dataset.Features.Count; f++)
        {
            FeatureData data = dataset.Features[f];
            string input = ModelInput.ColumnName(data.Column);
            string name = data.Column.Name;
            switch (data)
            {
                case FeatureData.Categories categories when categories.Names.Count <= oneHotMaxCategories:
                    steps.Add(ml.Transforms.Categorical.OneHotEncoding(Encoded + name, input, OneHotEncodingEstimator.OutputKind.Indicator));
                    featureColumns.Add(Encoded + name);
                    parameters[$"encoding.{name}"] = $"oneHot({categories.Names.Count.ToString(CultureInfo.InvariantCulture)})";
                    break;
                case FeatureData.Categories:
                    steps.Add(ml.Transforms.Categorical.OneHotHashEncoding(Encoded + name, input, OneHotEncodingEstimator.OutputKind.Indicator, HashBits));
                    featureColumns.Add(Encoded + name);
                    parameters[$"encoding.{name}"] = $"hash({HashBits.ToString(CultureInfo.InvariantCulture)} bits)";
                    break;
                case FeatureData.Numbers numbers when trainRows.Any(r => float.IsNaN(numbers.Values[r])):
                    steps.Add(ml.Transforms.IndicateMissingValues(Missing + name, input));
                    steps.Add(ml.Transforms.Conversion.ConvertType(MissingFlag + name, Missing + name, DataKind.Single));
                    steps.Add(ml.Transforms.ReplaceMissingValues(Filled + name, input, MissingValueReplacingEstimator.ReplacementMode.Mean));
                    featureColumns.Add(Filled + name);
                    featureColumns.Add(MissingFlag + name);
                    parameters[$"encoding.{name}"] = "mean + missing indicator";
                    break;
                case FeatureData.Numbers when imputeEveryNumber:
                    steps.Add(ml.Transforms.ReplaceMissingValues(Filled + name, input, MissingValueReplacingEstimator.ReplacementMode.Mean));
                    featureColumns.Add(Filled + name);
                    break;
                default:
                    featureColumns.Add(input);
                    break;
            }
        }

        var pipeline = new EstimatorChain<ITransformer>();
        foreach (IEstimator<ITransformer> step in steps)
        {
            pipeline = pipeline.Append(step);
        }

        return pipeline.Append(ml.Transforms.Concatenate(ModelInput.Features, featureColumns.ToArray()));
    }

    /// <summary>
    /// Which feature (its index in <see cref="ModelSpec.Features"/>) each slot of the <see cref="ModelInput.Features"/>
    /// vector comes from, read from a fitted model's output schema: the columns <see cref="Build"/> concatenates, in its
    /// order, with their sizes (a one-hot or hashed categorical feature spans many slots; a numeric one with missing
    /// training values spans its filled value and its missing flag). Null when the schema does not have that layout.
    /// </summary>
    public static int[]? SlotFeatures(DataViewSchema output, ModelSpec spec)
    {
        var slots = new List<int>();
        for (int f = 0; f < spec.Features.Count; f++)
        {
            FeatureColumn feature = spec.Features[f];
            string[] sources = output.GetColumnOrNull(Encoded + feature.Name) is not null ? [Encoded + feature.Name]
                : output.GetColumnOrNull(MissingFlag + feature.Name) is not null ? [Filled + feature.Name, MissingFlag + feature.Name]
                : output.GetColumnOrNull(Filled + feature.Name) is not null ? [Filled + feature.Name]
                : [ModelInput.ColumnName(feature)];
            foreach (string source in sources)
            {
                if (output.GetColumnOrNull(source) is not { } column)
                {
                    return null;
                }

                slots.AddRange(Enumerable.Repeat(f, column.Type is VectorDataViewType vector ? vector.Size : 1));
            }
        }

        return output.GetColumnOrNull(ModelInput.Features)?.Type is VectorDataViewType { Size: var size } && size == slots.Count
            ? slots.ToArray()
            : null;
    }
}
