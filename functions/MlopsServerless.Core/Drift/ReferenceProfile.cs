using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Serving;

namespace MlopsServerless.Core.Drift;

/// <summary>
/// What "normal" looked like when a model was trained: the distribution of each feature over the training rows and of
/// the model's own predictions over the test rows. Drift is measured against it.
/// </summary>
public sealed record ReferenceProfile(IReadOnlyDictionary<string, Histogram> Features, Histogram Predictions)
{
    public static ReferenceProfile Build(PreparedDataset dataset, IReadOnlyList<int> trainRows, IReadOnlyList<Prediction> testPredictions)
    {
        var features = new Dictionary<string, Histogram>(StringComparer.Ordinal);
        for (int f = 0; f < dataset.Spec.FeatureColumns.Count; f++)
        {
            features[dataset.Spec.FeatureColumns[f]] = Histogram.Numeric(trainRows.Select(r => (double)dataset.Features[r][f]));
        }

        return new ReferenceProfile(features, PredictionDistribution.Reference(dataset.Spec.Task, testPredictions));
    }
}
