using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Serving;

namespace MlopsServerless.Core.Drift;

/// <summary>
/// What "normal" looked like when a model was trained: the profile of each feature over the training rows and the
/// distribution of the model's own predictions over the test rows. Drift is measured against it.
/// </summary>
public sealed record ReferenceProfile(IReadOnlyDictionary<string, FeatureProfile> Features, Histogram Predictions)
{
    public static ReferenceProfile Build(PreparedDataset dataset, IReadOnlyList<int> trainRows, IReadOnlyList<Prediction> testPredictions) =>
        new(dataset.Features.ToDictionary(f => f.Column.Name, f => FeatureProfile.Build(f, trainRows), StringComparer.Ordinal),
            PredictionDistribution.Reference(dataset.Spec.Task, testPredictions));
}
