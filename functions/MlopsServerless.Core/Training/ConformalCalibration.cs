using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Serving;

namespace MlopsServerless.Core.Training;

/// <summary>
/// Split-conformal calibration: fitted on the validation rows, it turns a prediction into a prediction interval
/// (regression: value ± <see cref="Threshold"/>, the ⌈(n+1)(1−α)⌉-th smallest absolute residual) or a prediction set
/// (classification: every class whose score is at least 1 − <see cref="Threshold"/>, the same quantile of 1 − score of
/// the true class), which holds the true value with probability at least <see cref="Coverage"/> on exchangeable data.
/// <see cref="TestCoverage"/> is how often it did on the test rows.
/// </summary>
public sealed record ConformalCalibration(double Coverage, double Threshold, int CalibrationRows, double? TestCoverage = null)
{
    public const double DefaultCoverage = 0.9;

    public static ConformalCalibration Fit(ModelTask task, IReadOnlyList<Prediction> predictions, IReadOnlyList<string> labels,
        double coverage = DefaultCoverage)
    {
        double[] scores = predictions.Select((p, i) => Nonconformity(task, p, labels[i])).Order().ToArray();
        int n = scores.Length;
        int rank = (int)Math.Ceiling((n + 1) * coverage);
        double threshold = n == 0 ? double.PositiveInfinity : rank > n ? scores[^1] : scores[Math.Max(rank, 1) - 1];
        return new ConformalCalibration(coverage, threshold, n);
    }

    /// <summary>The share of rows whose true label falls inside their interval or set.</summary>
    public double MeasureCoverage(ModelTask task, IReadOnlyList<Prediction> predictions, IReadOnlyList<string> labels) =>
        predictions.Count == 0 ? double.NaN : predictions.Where((p, i) => Nonconformity(task, p, labels[i]) <= Threshold).Count() / (double)predictions.Count;

    public ConformalCalibration WithTestCoverage(double testCoverage) => this with { TestCoverage = Math.Round(testCoverage, 4) };

    /// <summary>The interval (regression) or set (classification) for one prediction.</summary>
    public PredictionRegion Region(ModelTask task, Prediction prediction) => task switch
    {
        ModelTask.Regression => new PredictionRegion(Coverage, prediction.Value - Threshold, prediction.Value + Threshold, null),
        ModelTask.Binary => new PredictionRegion(Coverage, null, null, BinarySet(prediction.Probability ?? 0)),
        _ => new PredictionRegion(Coverage, null, null,
            ClassScores(task, prediction).Where(c => 1 - c.Value <= Threshold).Select(c => c.Key).Order(StringComparer.Ordinal).ToList()),
    };

    /// <summary>
    /// The binary set without building the two-class score dictionary per row: "false" scores 1 − p, "true" p (the same
    /// arithmetic as <see cref="ClassScores"/>, so the same set to the last bit); in ordinal order.
    /// </summary>
    IReadOnlyList<string> BinarySet(double probability) => (1 - (1 - probability) <= Threshold, 1 - probability <= Threshold) switch
    {
        (true, true) => ["false", "true"],
        (true, false) => ["false"],
        (false, true) => ["true"],
        _ => [],
    };

    static double Nonconformity(ModelTask task, Prediction prediction, string label) => task switch
    {
        ModelTask.Regression => Math.Abs(double.Parse(label, System.Globalization.CultureInfo.InvariantCulture) - (prediction.Value ?? double.NaN)),
        _ => 1 - ClassScores(task, prediction).GetValueOrDefault(label),
    };

    static IReadOnlyDictionary<string, double> ClassScores(ModelTask task, Prediction prediction) => task == ModelTask.Binary
        ? new Dictionary<string, double> { ["true"] = prediction.Probability ?? 0, ["false"] = 1 - (prediction.Probability ?? 0) }
        : prediction.ClassScores ?? new Dictionary<string, double>();
}

/// <summary>A conformal prediction interval (<see cref="Lower"/>..<see cref="Upper"/>) or prediction set, at a stated coverage.</summary>
public sealed record PredictionRegion(double Coverage, double? Lower, double? Upper, IReadOnlyList<string>? Set)
{
    public bool Equals(PredictionRegion? other) =>
        other is not null && Coverage == other.Coverage && Lower == other.Lower && Upper == other.Upper
        && (Set ?? []).SequenceEqual(other.Set ?? []);

    public override int GetHashCode() => HashCode.Combine(Coverage, Lower, Upper, Set?.Count);
}
