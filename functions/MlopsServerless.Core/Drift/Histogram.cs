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
        string[] all = values.ToArray();
        string[] categories = all.GroupBy(v => v, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(maxCategories).Select(g => g.Key).Order(StringComparer.Ordinal).ToArray();
        return CategoricalWithCategories(categories, all);
    }

    /// <summary>The distribution of <paramref name="values"/> over this histogram's bins.</summary>
    public Histogram Rebin(IEnumerable<double> values) => NumericWithEdges(Edges ?? [], values.Where(double.IsFinite).ToArray());

    public Histogram Rebin(IEnumerable<string> values) => Rebin(CategoryCounts.Of(values));

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

    static Histogram CategoricalWithCategories(IReadOnlyList<string> categories, IReadOnlyCollection<string> values)
    {
        var index = categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var counts = new double[categories.Count + 1];
        foreach (string value in values)
        {
            counts[index.TryGetValue(value, out int i) ? i : categories.Count]++;
        }

        return new Histogram(null, categories, Normalise(counts, values.Count), values.Count);
    }

    static double[] Normalise(double[] counts, int total) =>
        total == 0 ? counts : counts.Select(c => c / total).ToArray();
}
