namespace MlopsServerless.Core.Datasets;

/// <summary>Column names as the platform uses them: an unnamed column (a pandas index, say) is <c>column1</c>, <c>column2</c>… by position.</summary>
public static class ColumnNames
{
    public static IReadOnlyList<string> Of(IReadOnlyList<string> header) =>
        header.Select((name, i) => name.Length > 0 ? name : $"column{i + 1}").ToList();

    public static IEnumerable<string> Duplicates(IReadOnlyList<string> names) =>
        names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);

    public static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
