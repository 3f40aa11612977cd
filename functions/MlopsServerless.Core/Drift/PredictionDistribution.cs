using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Serving;

namespace MlopsServerless.Core.Drift;

/// <summary>
/// The one value per prediction whose distribution is watched: the probability (binary), the value (regression),
/// or the predicted class (multiclass).
/// </summary>
public static class PredictionDistribution
{
    public static Histogram Reference(ModelTask task, IReadOnlyList<Prediction> predictions) => task == ModelTask.Multiclass
        ? Histogram.Categorical(predictions.Select(p => p.PredictedClass ?? string.Empty))
        : Histogram.Numeric(predictions.Select(p => Numeric(task, p)));

    public static Histogram Observed(Histogram reference, ModelTask task, IEnumerable<Prediction> predictions) => task == ModelTask.Multiclass
        ? reference.Rebin(predictions.Select(p => p.PredictedClass ?? string.Empty))
        : reference.Rebin(predictions.Select(p => Numeric(task, p)));

    static double Numeric(ModelTask task, Prediction p) =>
        (task == ModelTask.Binary ? p.Probability : p.Value) ?? double.NaN;
}
