namespace MlopsServerless.Core.Datasets.Inference;

/// <summary>
/// Which column is the label when model.json does not say: a column named <c>label</c>, <c>target</c>, <c>class</c>
/// or <c>y</c> (any case), else the last column when it can be a label. Identifiers, free text, dates, constant and
/// empty columns never can.
/// </summary>
public static class LabelChoice
{
    public const int MaxClasses = 100;

    static readonly string[] LabelNames = ["label", "target", "class", "y"];

    public static bool CanBeLabel(ColumnKind kind, ColumnStatistics column) =>
        kind is ColumnKind.Numeric or ColumnKind.Boolean
        || (kind == ColumnKind.Categorical && column.DistinctCount <= MaxClasses);

    /// <summary>The label's column index, or null with the error that says what to write in model.json.</summary>
    public static int? Choose(IReadOnlyList<ColumnStatistics> columns, IReadOnlyList<InferredColumn> kinds, out ValidationIssue? error)
    {
        error = null;
        foreach (string name in LabelNames)
        {
            int named = IndexOf(columns, name);
            if (named >= 0)
            {
                if (CanBeLabel(kinds[named].Kind, columns[named]))
                {
                    return named;
                }

                error = NoLabel(columns, kinds, named, $"the column '{columns[named].Name}' cannot be the label: {Describe(kinds[named])}");
                return null;
            }
        }

        int last = columns.Count - 1;
        if (CanBeLabel(kinds[last].Kind, columns[last]))
        {
            return last;
        }

        error = NoLabel(columns, kinds, last,
            $"no column is named label, target, class or y, and the last column '{columns[last].Name}' cannot be the label: {Describe(kinds[last])}");
        return null;
    }

    public static string Describe(InferredColumn kind) => $"it is {KindName(kind.Kind)} ({kind.Reason})";

    public static string KindName(ColumnKind kind) => kind switch
    {
        ColumnKind.FreeText => "free text",
        ColumnKind.Identifier => "an identifier",
        ColumnKind.Empty => "empty",
        ColumnKind.Constant => "constant",
        ColumnKind.Date => "a date",
        ColumnKind.Categorical => "categorical",
        ColumnKind.Boolean => "boolean",
        ColumnKind.Numeric => "numeric",
        _ => kind.ToString().ToLowerInvariant(),
    };

    static ValidationIssue NoLabel(IReadOnlyList<ColumnStatistics> columns, IReadOnlyList<InferredColumn> kinds, int rejected, string why)
    {
        string[] plausible = columns.Select((c, i) => (c, i)).Where(p => CanBeLabel(kinds[p.i].Kind, p.c))
            .Select(p => p.c.Name).ToArray();
        string advice = plausible.Length == 0
            ? "no column can be a label (numbers, yes/no values or a few text classes)"
            : $"name the label in model.json beside the CSV, e.g. {{\"labelColumn\": \"{plausible[^1]}\"}}; columns that could be the label: {string.Join(", ", plausible)}";
        return new ValidationIssue($"{why}; {advice}", columns[rejected].Name);
    }

    static int IndexOf(IReadOnlyList<ColumnStatistics> columns, string name)
    {
        for (int i = 0; i < columns.Count; i++)
        {
            if (columns[i].Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
