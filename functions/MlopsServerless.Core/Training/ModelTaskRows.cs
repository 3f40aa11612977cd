using System.Globalization;
using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Training;

/// <summary>A prepared dataset (or a slice of it) as ML.NET rows of the task's label type.</summary>
internal abstract record ModelTaskRows(int FeatureCount)
{
    public sealed record Binary(int FeatureCount, IReadOnlyList<BinaryRow> Rows) : ModelTaskRows(FeatureCount);
    public sealed record Regression(int FeatureCount, IReadOnlyList<RegressionRow> Rows) : ModelTaskRows(FeatureCount);
    public sealed record Multiclass(int FeatureCount, IReadOnlyList<MulticlassRow> Rows) : ModelTaskRows(FeatureCount);

    public static ModelTaskRows From(PreparedDataset dataset, IReadOnlyList<int> rowIndexes)
    {
        int featureCount = dataset.Spec.FeatureColumns.Count;
        return dataset.Spec.Task switch
        {
            ModelTask.Binary => new Binary(featureCount, rowIndexes
                .Select(i => new BinaryRow { Label = dataset.Labels[i] == "true", Features = dataset.Features[i] }).ToList()),
            ModelTask.Regression => new Regression(featureCount, rowIndexes
                .Select(i => new RegressionRow
                {
                    Label = float.Parse(dataset.Labels[i], CultureInfo.InvariantCulture),
                    Features = dataset.Features[i],
                }).ToList()),
            ModelTask.Multiclass => new Multiclass(featureCount, rowIndexes
                .Select(i => new MulticlassRow { Label = dataset.Labels[i], Features = dataset.Features[i] }).ToList()),
            _ => throw new ArgumentOutOfRangeException(nameof(dataset)),
        };
    }
}
