using MlopsServerless.Core.Configuration;

namespace MlopsServerless.Core.Datasets;

/// <summary>
/// Checks an uploaded dataset against its spec (or infers the spec), and turns it into a <see cref="PreparedDataset"/>.
/// Every problem is reported with its column and row; nothing is silently dropped.
/// </summary>
public sealed class DatasetValidator
{
    const int MaxIssuesPerKind = 20;
    const string DefaultLabelColumn = "label";

    public sealed record Result(IReadOnlyList<ValidationIssue> Errors, IReadOnlyList<ValidationIssue> Warnings,
        ModelSpec? Spec, bool SpecInferred, IReadOnlyList<ColumnSummary> Columns, PreparedDataset? Dataset, int RowCount);

    public Result Validate(RawTable table, ModelSpecDocument? document, TrainingOptions options)
    {
        var errors = new IssueList();
        var warnings = new IssueList();

        if (table.Header.Count == 0)
        {
            errors.Add(new ValidationIssue("the file is empty: expected a header row and data rows"));
            return new Result(errors.Items, warnings.Items, null, document is null, [], null, 0);
        }

        var columnIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < table.Header.Count; i++)
        {
            string name = table.Header[i];
            if (name.Length == 0)
            {
                errors.Add(new ValidationIssue($"column {i + 1} has an empty name", Row: 1));
            }
            else if (!columnIndex.TryAdd(name, i))
            {
                errors.Add(new ValidationIssue("the column name appears more than once", name, 1));
            }
        }

        for (int r = 0; r < table.Rows.Count; r++)
        {
            if (table.Rows[r].Length != table.Header.Count)
            {
                errors.Add(new ValidationIssue(
                    $"has {table.Rows[r].Length} cells; the header has {table.Header.Count}", Row: r + 2));
            }
        }

        if (table.Rows.Count < options.MinimumRows)
        {
            errors.Add(new ValidationIssue($"{table.Rows.Count} data rows; at least {options.MinimumRows} are needed"));
        }

        if (errors.Count > 0)
        {
            return new Result(errors.Items, warnings.Items, null, document is null, [], null, table.Rows.Count);
        }

        bool inferred = document?.LabelColumn is null || document.Task is null || document.FeatureColumns is null;
        ModelSpec? spec = ResolveSpec(table, columnIndex, document ?? new ModelSpecDocument(), errors, warnings);
        if (spec is null || errors.Count > 0)
        {
            return new Result(errors.Items, warnings.Items, spec, inferred, [], null, table.Rows.Count);
        }

        var labels = new List<string>(table.Rows.Count);
        var features = new List<float[]>(table.Rows.Count);
        int labelIndex = columnIndex[spec.LabelColumn];
        int[] featureIndexes = spec.FeatureColumns.Select(c => columnIndex[c]).ToArray();
        int[] missing = new int[featureIndexes.Length];

        for (int r = 0; r < table.Rows.Count; r++)
        {
            string[] row = table.Rows[r];
            string labelCell = row[labelIndex];
            string? label = null;
            if (labelCell.Length == 0)
            {
                errors.Add(new ValidationIssue("the label is empty", spec.LabelColumn, r + 2));
            }
            else
            {
                label = LabelValues.Normalise(spec.Task, labelCell, out string? problem);
                if (problem is not null)
                {
                    errors.Add(new ValidationIssue(problem, spec.LabelColumn, r + 2));
                }
            }

            var vector = new float[featureIndexes.Length];
            for (int f = 0; f < featureIndexes.Length; f++)
            {
                string cell = row[featureIndexes[f]];
                if (cell.Length == 0)
                {
                    vector[f] = float.NaN;
                    missing[f]++;
                }
                else if (LabelValues.TryParseNumber(cell, out float value))
                {
                    vector[f] = value;
                }
                else
                {
                    errors.Add(new ValidationIssue($"'{cell}' is not a number", spec.FeatureColumns[f], r + 2));
                }
            }

            labels.Add(label ?? string.Empty);
            features.Add(vector);
        }

        foreach (string problem in LabelValues.CheckClasses(spec.Task, labels.Where(l => l.Length > 0).ToList()))
        {
            errors.Add(new ValidationIssue(problem, spec.LabelColumn));
        }

        var columns = new List<ColumnSummary>();
        for (int f = 0; f < featureIndexes.Length; f++)
        {
            double missingFraction = (double)missing[f] / table.Rows.Count;
            if (missingFraction > options.MaxMissingFraction)
            {
                errors.Add(new ValidationIssue(
                    $"{missing[f]} of {table.Rows.Count} cells are empty ({missingFraction:P0}); at most {options.MaxMissingFraction:P0} may be",
                    spec.FeatureColumns[f]));
            }

            float[] present = features.Select(v => v[f]).Where(float.IsFinite).ToArray();
            if (present.Length > 0 && present.Min() == present.Max())
            {
                warnings.Add(new ValidationIssue("every value is the same; the column carries no information", spec.FeatureColumns[f]));
            }

            columns.Add(new ColumnSummary(spec.FeatureColumns[f], "feature", missing[f],
                present.Length > 0 ? present.Min() : null, present.Length > 0 ? present.Max() : null,
                present.Length > 0 ? present.Average(v => (double)v) : null, null));
        }

        columns.Insert(0, new ColumnSummary(spec.LabelColumn, "label", labels.Count(l => l.Length == 0), null, null, null,
            labels.Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).Count()));

        PreparedDataset? dataset = errors.Count == 0 ? new PreparedDataset(spec, features, labels) : null;
        return new Result(errors.Items, warnings.Items, spec, inferred, columns, dataset, table.Rows.Count);
    }

    static ModelSpec? ResolveSpec(RawTable table, Dictionary<string, int> columnIndex, ModelSpecDocument document,
        IssueList errors, IssueList warnings)
    {
        string? labelColumn = document.LabelColumn
            ?? (columnIndex.ContainsKey(DefaultLabelColumn) ? table.Header[columnIndex[DefaultLabelColumn]] : table.Header[^1]);
        if (!columnIndex.TryGetValue(labelColumn, out int labelIndex))
        {
            errors.Add(new ValidationIssue("the label column named in model.json is not in the file", labelColumn));
            return null;
        }

        labelColumn = table.Header[labelIndex];
        List<string> featureColumns;
        if (document.FeatureColumns is { } listed)
        {
            featureColumns = [];
            foreach (string column in listed)
            {
                if (!columnIndex.TryGetValue(column, out int index))
                {
                    errors.Add(new ValidationIssue("the feature column named in model.json is not in the file", column));
                }
                else if (index == labelIndex)
                {
                    errors.Add(new ValidationIssue("the label column cannot also be a feature", column));
                }
                else
                {
                    featureColumns.Add(table.Header[index]);
                }
            }
        }
        else
        {
            featureColumns = [];
            for (int i = 0; i < table.Header.Count; i++)
            {
                if (i == labelIndex)
                {
                    continue;
                }

                if (IsMostlyNumeric(table, i))
                {
                    featureColumns.Add(table.Header[i]);
                }
                else
                {
                    warnings.Add(new ValidationIssue(
                        "not numeric, so it was left out of the inferred features (only numeric features are supported)",
                        table.Header[i]));
                }
            }
        }

        if (featureColumns.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ValidationIssue("no numeric feature columns; list them in model.json featureColumns"));
        }

        ModelTask task = document.Task ?? LabelValues.InferTask(table.Rows.Select(r => r[labelIndex]).ToList());
        TrainerKind trainer = document.Trainer ?? (task == ModelTask.Multiclass ? TrainerKind.LightGbm : TrainerKind.FastTree);
        return new ModelSpec(labelColumn, task, featureColumns, trainer);
    }

    static bool IsMostlyNumeric(RawTable table, int column) =>
        table.Rows.Select(r => r[column]).Where(c => c.Length > 0).All(c => LabelValues.TryParseNumber(c, out _));

    sealed class IssueList
    {
        readonly List<ValidationIssue> _items = [];
        readonly Dictionary<string, int> _perKind = new(StringComparer.Ordinal);

        public IReadOnlyList<ValidationIssue> Items => _items;
        public int Count => _items.Count;

        /// <summary>Keeps the first few issues of a kind (same column and message shape) and counts the rest.</summary>
        public void Add(ValidationIssue issue)
        {
            string kind = $"{issue.Column}|{(issue.Row is null ? issue.Message : "row")}";
            int seen = _perKind.GetValueOrDefault(kind);
            _perKind[kind] = seen + 1;
            if (seen < MaxIssuesPerKind)
            {
                _items.Add(issue);
            }
            else if (seen == MaxIssuesPerKind)
            {
                _items.Add(issue with { Message = "further issues of this kind in this column are not listed", Row = null });
            }
        }
    }
}
