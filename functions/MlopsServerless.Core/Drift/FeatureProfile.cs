using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Drift;

/// <summary>
/// One feature's distribution over the training rows: deciles for numbers (0/1 for booleans), the top categories plus
/// "other" for categorical features, the share of missing values, and every category seen in training (to count
/// unseen ones; null when there were more than <see cref="MaxKnownCategories"/>).
/// </summary>
public sealed record FeatureProfile(ColumnKind Kind, Histogram Histogram, double MissingShare, IReadOnlyList<string>? KnownCategories = null)
{
    public const int TopCategories = 20;
    public const int MaxKnownCategories = 1000;

    public static FeatureProfile Build(FeatureData data, IReadOnlyList<int> rows)
    {
        FeatureValue[] values = rows.Select(r => data[r]).ToArray();
        double missingShare = values.Length == 0 ? 0 : values.Count(v => v.IsMissing) / (double)values.Length;
        if (data.Column.Kind != ColumnKind.Categorical)
        {
            return new FeatureProfile(data.Column.Kind, Histogram.Numeric(Numbers(values)), missingShare);
        }

        string[] categories = Categories(values).ToArray();
        string[] known = categories.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return new FeatureProfile(data.Column.Kind, Histogram.Categorical(categories, TopCategories), missingShare,
            known.Length <= MaxKnownCategories ? known : null);
    }

    /// <summary>The same feature's values as served, over this profile's bins.</summary>
    public FeatureDrift Compare(IReadOnlyCollection<FeatureValue> served, double threshold)
    {
        double observedMissing = served.Count == 0 ? 0 : served.Count(v => v.IsMissing) / (double)served.Count;
        Histogram observed;
        int? unseen = null;
        if (Kind == ColumnKind.Categorical)
        {
            string[] categories = Categories(served).ToArray();
            observed = Histogram.Rebin(categories);
            if (KnownCategories is { } known)
            {
                var set = known.ToHashSet(StringComparer.Ordinal);
                unseen = categories.Count(c => !set.Contains(c));
            }
        }
        else
        {
            observed = Histogram.Rebin(Numbers(served));
        }

        double psi = PopulationStabilityIndex.Compute(Histogram.Proportions, observed.Proportions);
        return new FeatureDrift(Kind, Math.Round(psi, 6), psi >= threshold, Math.Round(MissingShare, 4), Math.Round(observedMissing, 4), unseen);
    }

    static IEnumerable<double> Numbers(IEnumerable<FeatureValue> values) =>
        values.Where(v => v.Category is null && float.IsFinite(v.Number)).Select(v => (double)v.Number);

    static IEnumerable<string> Categories(IEnumerable<FeatureValue> values) =>
        values.Where(v => v.Category is not null).Select(v => v.Category!);
}
