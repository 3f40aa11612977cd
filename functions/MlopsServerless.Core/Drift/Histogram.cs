using MlopsServerless.Core.Drift.Statistics;

namespace MlopsServerless.Core.Drift;

/// <summary>
/// A binned distribution. Numeric: bins (-inf, e0], (e0, e1], …, (e_last, +inf) over <see cref="Edges"/>; categorical:
/// one bin per entry of <see cref="Categories"/> (the most frequent in the reference) plus a last bin for every other
/// value. Missing values are not counted.
/// </summary>
public sealed record Histogram(IReadOnlyList<double>? Edges, IReadOnlyList<string>? Categories, IReadOnlyList<double> Proportions, int Count)
{
    const int NumericBins = 10;

    /// <summary>Bins at the deciles of <paramref name="values"/> (fewer when values repeat), with their proportions.</summary>
    public static Histogram Numeric(IEnumerable<double> values)
    {
        double[] sorted = FiniteValues.Sorted(values);
        var edges = new List<double>();
        for (int q = 1; q < NumericBins && sorted.Length > 0; q++)
        {
            double edge = sorted[(int)Math.Floor(q * (sorted.Length - 1) / (double)NumericBins)];
            if (edges.Count == 0 || edge > edges[^1])
            {
                edges.Add(edge);
            }
        }

        return NumericWithEdges(edges, sorted);
    }

    /// <summary>Bins for the <paramref name="maxCategories"/> most frequent values (ties in ordinal order), and one for the rest.</summary>
    public static Histogram Categorical(IEnumerable<string> values, int maxCategories = int.MaxValue)
    {
        Dictionary<string, int> counts = CategoryCounts.Of(values, StringComparer.Ordinal);
        string[] categories = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(maxCategories).Select(c => c.Key).Order(StringComparer.Ordinal).ToArray();
        return new Histogram(null, categories, [], 0).Rebin(counts);
    }

    /// <summary>The distribution of <paramref name="values"/> over this histogram's bins.</summary>
    public Histogram Rebin(IEnumerable<double> values) => NumericWithEdges(Edges ?? [], values.Where(double.IsFinite).ToArray());

    public Histogram Rebin(IEnumerable<string> values) => Rebin(CategoryCounts.Of(values, StringComparer.Ordinal));

    /// <summary>The distribution of values counted by category (<see cref="CategoryCounts"/>) over this histogram's bins.</summary>
    public Histogram Rebin(IReadOnlyDictionary<string, int> counts)
    {
        IReadOnlyList<string> categories = Categories ?? [];
        var index = categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var binned = new double[categories.Count + 1];
        foreach ((string value, int count) in counts)
        {
            binned[index.TryGetValue(value, out int i) ? i : categories.Count] += count;
        }

        int total = counts.Values.Sum();
        return new Histogram(null, categories, Normalise(binned, total), total);
    }

    static Histogram NumericWithEdges(IReadOnlyList<double> edges, IReadOnlyCollection<double> values)
    {
        var counts = new double[edges.Count + 1];
        foreach (double value in values)
        {
            int bin = 0;
            while (bin < edges.Count && value > edges[bin])
            {
                bin++;
            }

            counts[bin]++;
        }

        return new Histogram(edges, null, Normalise(counts, values.Count), values.Count);
    }

    static double[] Normalise(double[] counts, int total) =>
        total == 0 ? counts : counts.Select(c => c / total).ToArray();
}
