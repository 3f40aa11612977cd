using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Serving;

namespace MlopsServerless.Core.Drift;

/// <summary>
/// The one value per prediction whose distribution is watched: the probability (binary), the value (regression),
/// or the predicted class (multiclass); and, for binary classifiers, the share of predictions that are positive.
/// </summary>
public static class PredictionDistribution
{
    public static Histogram Reference(ModelTask task, IReadOnlyList<Prediction> predictions) => task == ModelTask.Multiclass
        ? Histogram.Categorical(predictions.Select(p => p.PredictedClass ?? string.Empty))
        : Histogram.Numeric(predictions.Select(p => Numeric(task, p)));

    /// <summary>The kind of the watched value: a class is categorical, a probability or a value numeric.</summary>
    public static ColumnKind Kind(ModelTask task) => task == ModelTask.Multiclass ? ColumnKind.Categorical : ColumnKind.Numeric;

    /// <summary>The watched value of each prediction, as a column's values (missing when the prediction has none).</summary>
    public static IReadOnlyList<FeatureValue> Values(ModelTask task, IEnumerable<Prediction> predictions) =>
        predictions.Select(p => task == ModelTask.Multiclass
            ? p.PredictedClass is { } predicted ? FeatureValue.Of(predicted) : FeatureValue.Missing
            : (task == ModelTask.Binary ? p.Probability : p.Value) is { } number ? FeatureValue.Of((float)number) : FeatureValue.Missing).ToList();

    /// <summary>The share of predictions whose label is positive (binary classifiers; null otherwise or with no prediction).</summary>
    public static double? PositiveRate(ModelTask task, IReadOnlyCollection<Prediction> predictions) =>
        task != ModelTask.Binary || predictions.Count == 0 ? null
            : Math.Round(predictions.Count(p => p.PredictedLabel == true) / (double)predictions.Count, 4);

    static double Numeric(ModelTask task, Prediction p) =>
        (task == ModelTask.Binary ? p.Probability : p.Value) ?? double.NaN;
}
