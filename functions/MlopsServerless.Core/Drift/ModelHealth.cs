using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Drift;

/// <summary>
/// Model health without labels, for binary classifiers: confidence-based performance estimation (CBPE, as NannyML).
/// If the served probabilities are calibrated, a row predicted with probability p is right with chance max(p, 1 − p),
/// so the expected accuracy of the window is the mean of that; it is compared with the version's accuracy on its test
/// rows, and a drop of more than <see cref="MaxDrop"/> (<c>MLOPS_DRIFT_HEALTH_MAX_DROP</c>) is flagged. It assumes
/// calibration: the platform's binary trainers are calibrated (Platt for the forest; the boosted trees' and logistic
/// regression's probabilities), but a calibration that does not hold on drifted data makes the estimate optimistic;
/// labels (feedback, <see cref="LiveHealth"/>) are the ground truth.
/// </summary>
public sealed record ModelHealth(string Method, double EstimatedAccuracy, double? TestAccuracy, bool Dropped, double? MaxDrop = null)
{
    public static ModelHealth? Estimate(IReadOnlyList<Prediction> served, ModelMetrics testMetrics, double maxDrop)
    {
        double[] probabilities = served.Where(p => p.Probability is { } v && double.IsFinite(v)).Select(p => p.Probability!.Value).ToArray();
        if (probabilities.Length == 0)
        {
            return null;
        }

        double estimated = probabilities.Average(p => Math.Max(p, 1 - p));
        double? test = testMetrics.Values.TryGetValue("accuracy", out double accuracy) ? accuracy : null;
        return new ModelHealth("cbpe", Math.Round(estimated, 6), test, test is { } t && estimated < t - maxDrop, maxDrop);
    }
}
