using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Drift.Statistics;

namespace MlopsServerless.Core.Drift;

/// <summary>
/// One column's distribution over the training rows (or, for the predictions, over the test rows): deciles for numbers
/// (0/1 for booleans), the top categories plus "other" for categorical features (for PSI), the share of missing values,
/// every category seen in training (to count unseen ones; null when there were more than <see cref="MaxKnownCategories"/>),
/// and what the statistical tests compare against: numeric columns keep a sample of up to <see cref="SampleSize"/>
/// values drawn with the run's seed (<see cref="Sample"/>, sorted), categorical and boolean columns the count of every
/// value (<see cref="Counts"/>; booleans as <c>false</c>/<c>true</c>; the <see cref="MaxKnownCategories"/> most frequent
/// categories, the rest only in <see cref="Histogram"/>'s count). Profiles written before the statistics have neither,
/// and are compared by PSI alone. <see cref="Histogram"/>'s count is the number of values that were not missing.
/// </summary>
public sealed record FeatureProfile(
    ColumnKind Kind,
    Histogram Histogram,
    double MissingShare,
    IReadOnlyList<string>? KnownCategories = null,
    IReadOnlyList<float>? Sample = null,
    IReadOnlyDictionary<string, int>? Counts = null)
{
    public const int TopCategories = 20;
    public const int MaxKnownCategories = 1000;
    public const int SampleSize = 5000;

    public static FeatureProfile Build(FeatureData data, IReadOnlyList<int> rows, int seed = 0) =>
        FromValues(data.Column.Kind, rows.Select(r => data[r]).ToArray(), seed);

    /// <summary>The profile of any column of values (a feature over the training rows, the predictions over the test rows).</summary>
    public static FeatureProfile FromValues(ColumnKind kind, IReadOnlyList<FeatureValue> values, int seed)
    {
        double missingShare = values.Count == 0 ? 0 : values.Count(v => v.IsMissing) / (double)values.Count;
        if (kind == ColumnKind.Categorical)
        {
            string[] categories = Categories(values).ToArray();
            var counts = categories.GroupBy(c => c, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Take(MaxKnownCategories).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            string[] known = categories.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            return new FeatureProfile(kind, Histogram.Categorical(categories, TopCategories), missingShare,
                known.Length <= MaxKnownCategories ? known : null, Counts: Sorted(counts));
        }

        float[] numbers = values.Where(v => v.Category is null && float.IsFinite(v.Number)).Select(v => v.Number).ToArray();
        Histogram histogram = Histogram.Numeric(numbers.Select(n => (double)n));
        if (kind == ColumnKind.Boolean)
        {
            return new FeatureProfile(kind, histogram, missingShare, Counts: Sorted(
                numbers.GroupBy(BooleanKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal)));
        }

        if (numbers.Length > SampleSize)
        {
            new Random(seed).Shuffle(numbers);
            numbers = numbers[..SampleSize];
        }

        return new FeatureProfile(kind, histogram, missingShare, Sample: numbers.Order().ToArray());
    }

    /// <summary>
    /// The same column's values as served, against this profile: PSI over its bins always, and the drift verdict by
    /// <paramref name="requested"/> or the default method (<see cref="DriftMethodChooser"/>). With fewer than
    /// <see cref="DriftOptions.MinimumSamples"/> values on either side the column says <see cref="DriftReportStatus.InsufficientData"/>.
    /// </summary>
    public FeatureDrift Compare(IReadOnlyList<FeatureValue> served, DriftOptions options, DriftMethod? requested = null)
    {
        int missing = 0;
        foreach (FeatureValue value in served)
        {
            missing += value.IsMissing ? 1 : 0;
        }

        double observedMissing = served.Count == 0 ? 0 : missing / (double)served.Count;
        int? unseen = null;
        Histogram observed;
        Dictionary<string, int> categories = [];
        double[] numbers = [];
        if (Kind == ColumnKind.Categorical)
        {
            categories = CategoryCounts.Of(Categories(served), StringComparer.Ordinal);
            observed = Histogram.Rebin(categories);
            if (KnownCategories is { } known)
            {
                var set = known.ToHashSet(StringComparer.Ordinal);
                unseen = categories.Where(c => !set.Contains(c.Key)).Sum(c => c.Value);
            }
        }
        else
        {
            numbers = Numbers(served);
            observed = Histogram.Rebin(numbers);
            if (Kind == ColumnKind.Boolean)
            {
                categories = CategoryCounts.Of(numbers.Select(n => BooleanKey((float)n)), StringComparer.Ordinal);
            }
        }

        double psi = PopulationStabilityIndex.Compute(Histogram.Proportions, observed.Proportions);
        ColumnComparison comparison = Counts is { } counts
            ? ColumnComparison.OfCounts(Kind, counts, Histogram.Count, categories, requested)
            : Sample is { } sample
                ? ColumnComparison.OfNumbers(sample.Select(v => (double)v).ToArray(), Histogram.Count, numbers, requested)
                : ColumnComparison.OfBinsOnly(Histogram.Count, observed.Count);
        return comparison.Decide(Kind, psi, options, Math.Round(MissingShare, 4), Math.Round(observedMissing, 4), unseen);
    }

    static double[] Numbers(IReadOnlyList<FeatureValue> served)
    {
        var numbers = new double[served.Count];
        int count = 0;
        foreach (FeatureValue value in served)
        {
            if (value.Category is null && float.IsFinite(value.Number))
            {
                numbers[count++] = value.Number;
            }
        }

        return count == numbers.Length ? numbers : numbers[..count];
    }

    static IReadOnlyDictionary<string, int> Sorted(Dictionary<string, int> counts) =>
        new SortedDictionary<string, int>(counts, StringComparer.Ordinal);

    static string BooleanKey(float value) => value != 0 ? "true" : "false";

    static IEnumerable<string> Categories(IEnumerable<FeatureValue> values) =>
        values.Where(v => v.Category is not null).Select(v => v.Category!);
}
