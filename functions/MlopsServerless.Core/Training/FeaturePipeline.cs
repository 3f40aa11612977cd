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
                    steps.Add(ml.Transforms.Categorical.OneHotEncoding("enc." + name, input, OneHotEncodingEstimator.OutputKind.Indicator));
                    featureColumns.Add("enc." + name);
                    parameters[$"encoding.{name}"] = $"oneHot({categories.Names.Count.ToString(CultureInfo.InvariantCulture)})";
                    break;
                case FeatureData.Categories:
                    steps.Add(ml.Transforms.Categorical.OneHotHashEncoding("enc." + name, input, OneHotEncodingEstimator.OutputKind.Indicator, HashBits));
                    featureColumns.Add("enc." + name);
                    parameters[$"encoding.{name}"] = $"hash({HashBits.ToString(CultureInfo.InvariantCulture)} bits)";
                    break;
                case FeatureData.Numbers numbers when trainRows.Any(r => float.IsNaN(numbers.Values[r])):
                    steps.Add(ml.Transforms.IndicateMissingValues("missing." + name, input));
                    steps.Add(ml.Transforms.Conversion.ConvertType("missingflag." + name, "missing." + name, DataKind.Single));
                    steps.Add(ml.Transforms.ReplaceMissingValues("filled." + name, input, MissingValueReplacingEstimator.ReplacementMode.Mean));
                    featureColumns.Add("filled." + name);
                    featureColumns.Add("missingflag." + name);
                    parameters[$"encoding.{name}"] = "mean + missing indicator";
                    break;
                case FeatureData.Numbers when imputeEveryNumber:
                    steps.Add(ml.Transforms.ReplaceMissingValues("filled." + name, input, MissingValueReplacingEstimator.ReplacementMode.Mean));
                    featureColumns.Add("filled." + name);
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
}
