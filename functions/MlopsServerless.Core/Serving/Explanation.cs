namespace MlopsServerless.Core.Serving;

/// <summary>
/// Why one row scored as it did: ML.NET's feature contributions to <see cref="Score"/>, summed per original column (a
/// categorical column's one-hot slots, a numeric column's value and missing flag), one entry per feature, largest
/// absolute contribution first (ties in feature order).
/// Linear models: <see cref="Score"/> = <see cref="Bias"/> + the sum of the contributions, each the weight times the
/// featurised (mean-imputed, variance-scaled) value. Tree ensembles: a contribution is how much the score changes when
/// each split on that column takes the other branch, summed over the trees; they need not add up to the score, and
/// <see cref="Bias"/> is null.
/// </summary>
/// <param name="Score">What the contributions explain: the predicted value (regression) or the raw score before
/// calibration into a probability (binary).</param>
public sealed record Explanation(double Score, double? Bias, IReadOnlyList<FeatureContribution> Contributions);

/// <summary>One feature's contribution to a row's score, named by its original column.</summary>
public sealed record FeatureContribution(string Feature, double Contribution);
