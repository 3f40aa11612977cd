using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Serving;

namespace MlopsServerless.Core.Drift;

/// <summary>
/// What "normal" looked like when a model was trained: the profile of each feature over the training rows, and the
/// model's own predictions over the test rows: their bins (<see cref="Predictions"/>, for PSI), their profile as a column
/// (<see cref="PredictionProfile"/>: the probability for binary, the value for regression, the class for multiclass) and,
/// for binary classifiers, the share predicted positive. Drift is measured against it. (Profiles written before the
/// statistics have no prediction profile or positive rate.)
/// </summary>
public sealed record ReferenceProfile(
    IReadOnlyDictionary<string, FeatureProfile> Features,
    Histogram Predictions,
    FeatureProfile? PredictionProfile = null,
    double? PositiveRate = null)
{
    /// <param name="seed">The run's seed: which training values a numeric feature's reference sample keeps.</param>
    public static ReferenceProfile Build(PreparedDataset dataset, IReadOnlyList<int> trainRows, IReadOnlyList<Prediction> testPredictions, int seed = 0)
    {
        ModelTask task = dataset.Spec.Task;
        return new ReferenceProfile(
            dataset.Features.ToDictionary(f => f.Column.Name, f => FeatureProfile.Build(f, trainRows, seed), StringComparer.Ordinal),
            PredictionDistribution.Reference(task, testPredictions),
            FeatureProfile.FromValues(PredictionDistribution.Kind(task), PredictionDistribution.Values(task, testPredictions), seed),
            PredictionDistribution.PositiveRate(task, testPredictions));
    }
}
