namespace MlopsServerless.Core.Drift;

/// <summary>How often each value occurs, counted in one pass: a served column is counted once and every statistic reads the counts.</summary>
public static class CategoryCounts
{
    public static Dictionary<TKey, int> Of<TKey>(IEnumerable<TKey> values, IEqualityComparer<TKey>? comparer = null) where TKey : notnull
    {
        var counts = new Dictionary<TKey, int>(comparer);
        foreach (TKey value in values)
        {
            counts[value] = counts.GetValueOrDefault(value) + 1;
        }

        return counts;
    }
}
