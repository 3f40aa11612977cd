using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Drift.Statistics;

namespace MlopsServerless.Core.Datasets.Inference;

/// <summary>
/// Turns a scan and the optional model.json into a <see cref="ModelSpec"/>: column kinds (declared or inferred), the
/// label and task, the features, and every error and warning with its column (and row where there is one).
/// </summary>
public sealed class SpecResolver(TrainingOptions options)
{
    const int MaxIntegerClassesWhenInferring = 10;

    public ValidationResult Resolve(DatasetScan scan, ModelSpecDocument? document)
    {
        var issues = new ValidationIssues();
        document ??= new ModelSpecDocument();
        bool specInferred = document.LabelColumn is null || document.Task is null || document.FeatureColumns is null;
        IReadOnlyList<ColumnStatistics> columns = scan.Columns;
        bool decimalComma = scan.Dialect.DecimalComma;

        CheckNamesExist(scan, document, issues);
        if (issues.HasErrors)
        {
            return Result(scan, issues, null, specInferred, [], 0);
        }

        var inferred = columns.Select(c => ColumnKindInference.Infer(c, decimalComma, options)).ToArray();
        var kinds = new InferredColumn[columns.Count];
        for (int i = 0; i < columns.Count; i++)
        {
            kinds[i] = Declared(document, columns[i].Name) is { } declared
                ? CheckDeclared(columns[i], declared, decimalComma, issues)
                : inferred[i];
        }

        ValidationIssue? noLabel = null;
        int? labelIndex = document.LabelColumn is { } named ? IndexOf(columns, named) : LabelChoice.Choose(columns, kinds, out noLabel);
        if (labelIndex is not { } label)
        {
            issues.Error(noLabel!);
            return Result(scan, issues, null, specInferred, Reports(scan, kinds, null, [], new Dictionary<int, string>()), 0);
        }

        ColumnStatistics labelColumn = columns[label];
        if (!LabelChoice.CanBeLabel(kinds[label].Kind, labelColumn))
        {
            issues.Error(new ValidationIssue($"cannot be the label: {LabelChoice.Describe(kinds[label])}", labelColumn.Name));
        }

        ModelTask task = document.Task ?? InferTask(kinds[label].Kind, labelColumn, decimalComma);
        CheckLabel(task, labelColumn, decimalComma, issues);
        int labelled = labelColumn.Present;
        if (labelColumn.Missing > 0)
        {
            issues.Warning(new ValidationIssue(
                $"{labelColumn.Missing} rows have no label and are left out; {labelled} labelled rows remain", labelColumn.Name));
        }

        if (labelled < options.MinimumRows)
        {
            issues.Error(new ValidationIssue($"{labelled} labelled rows; at least {options.MinimumRows} are needed", labelColumn.Name));
        }

        var notes = new Dictionary<int, string>();
        List<int> features = ChooseFeatures(scan, document, kinds, label, notes, issues);
        CheckPolicy(document, columns, kinds, features, issues);
        if (features.Count == 0 && !issues.HasErrors)
        {
            issues.Error(new ValidationIssue("no usable feature columns: every other column was left out (see the warnings); " +
                "list features in model.json featureColumns and declare their kinds in columns"));
        }

        IReadOnlyList<ColumnReport> reports = Reports(scan, kinds, label, features, notes);
        if (issues.HasErrors)
        {
            return Result(scan, issues, null, specInferred, reports, labelled);
        }

        var spec = new ModelSpec(
            labelColumn.Name,
            task,
            features.Select(i => new FeatureColumn(columns[i].Name, kinds[i].Kind)).ToList(),
            document.Trainer,
            MissingValues.With(options.ExtraMissingValues.Concat(document.MissingValues ?? [])).Tokens,
            new TrainingPolicy(
                document.Candidates ?? options.Candidates,
                document.TimeLimitSeconds ?? options.TimeLimitSeconds,
                (document.SegmentColumns ?? []).Select(name => columns[IndexOf(columns, name)!.Value].Name).ToList(),
                document.SegmentFloor,
                document.SegmentTolerance ?? TrainingPolicy.DefaultSegmentTolerance,
                document.MinImprovement ?? options.MinImprovement),
            new DriftPolicy(document.DriftMethod, (document.DriftMethods ?? new Dictionary<string, DriftMethod>())
                .ToDictionary(p => columns[IndexOf(columns, p.Key)!.Value].Name, p => p.Value, StringComparer.Ordinal),
                document.DriftAction ?? DriftAction.Alert));
        return Result(scan, issues, spec, specInferred, reports, labelled);
    }

    List<int> ChooseFeatures(DatasetScan scan, ModelSpecDocument document, InferredColumn[] kinds, int label,
        Dictionary<int, string> notes, ValidationIssues issues)
    {
        IReadOnlyList<ColumnStatistics> columns = scan.Columns;
        IEnumerable<int> candidates = document.FeatureColumns is { } listed
            ? listed.Select(name => IndexOf(columns, name)!.Value)
            : Enumerable.Range(0, columns.Count).Where(i => i != label);
        var features = new List<int>();
        foreach (int i in candidates)
        {
            ColumnStatistics column = columns[i];
            bool declared = document.FeatureColumns is not null || Declared(document, column.Name) is not null;
            if (i == label)
            {
                issues.Error(new ValidationIssue("the label column cannot also be a feature", column.Name));
                continue;
            }

            if (!kinds[i].Kind.IsFeature())
            {
                if (kinds[i].Kind == ColumnKind.Ignore)
                {
                    notes[i] = "ignored, as model.json says";
                }
                else if (document.FeatureColumns is not null)
                {
                    issues.Error(new ValidationIssue($"is listed as a feature, but {LabelChoice.Describe(kinds[i])}; declare its kind in " +
                        $"model.json, e.g. \"columns\": {{\"{column.Name}\": \"categorical\"}}", column.Name));
                }
                else
                {
                    notes[i] = $"left out: {LabelChoice.Describe(kinds[i])}";
                    issues.Warning(new ValidationIssue(notes[i], column.Name));
                }

                continue;
            }

            double missingShare = MissingShare(column);
            if (missingShare > options.MaxMissingFraction)
            {
                string message = $"{column.Missing} of {column.Missing + column.Present} cells are missing ({missingShare:P0}); " +
                    $"at most {options.MaxMissingFraction:P0} may be";
                if (declared)
                {
                    issues.Error(new ValidationIssue(message, column.Name));
                }
                else
                {
                    notes[i] = $"left out: {message}";
                    issues.Warning(new ValidationIssue(notes[i], column.Name));
                }

                continue;
            }

            NumberStatistics numbers = column.Numbers(scan.Dialect.DecimalComma);
            if (kinds[i].Kind == ColumnKind.Numeric && numbers.Count < column.Present && Declared(document, column.Name) is null)
            {
                foreach ((int row, string value) in numbers.NotNumbers)
                {
                    issues.Error(new ValidationIssue($"'{value}' is not a number ({column.Present - numbers.Count} of {column.Present} " +
                        "values in this numeric column are not): fix the cell, add it to model.json \"missingValues\" if it means " +
                        $"missing, or declare the column's kind, e.g. \"columns\": {{\"{column.Name}\": \"ignore\"}}", column.Name, row));
                }

                notes[i] = "not used: some cells are not numbers (see the errors)";
                continue;
            }

            if (column.Missing > 0)
            {
                notes[i] = $"{missingShare:P0} missing: kept as missing values, which the model handles";
            }

            features.Add(i);
        }

        return features;
    }

    static void CheckPolicy(ModelSpecDocument document, IReadOnlyList<ColumnStatistics> columns, InferredColumn[] kinds,
        IReadOnlyCollection<int> features, ValidationIssues issues)
    {
        foreach (string segment in document.SegmentColumns ?? [])
        {
            int? index = IndexOf(columns, segment);
            if (index is null || !features.Contains(index.Value) || kinds[index.Value].Kind is not (ColumnKind.Categorical or ColumnKind.Boolean))
            {
                issues.Error(new ValidationIssue("a segment column must be a categorical or boolean feature of the model", segment));
            }
        }

        if (document.Candidates is < 1 or > 32)
        {
            issues.Error(new ValidationIssue($"model.json candidates is {document.Candidates}; it must be between 1 and 32"));
        }

        if (document.TimeLimitSeconds is < 10)
        {
            issues.Error(new ValidationIssue($"model.json timeLimitSeconds is {document.TimeLimitSeconds}; it must be at least 10"));
        }

        if (document.DriftAction is { } action && !Enum.IsDefined(action))
        {
            issues.Error(new ValidationIssue($"model.json driftAction is {(int)action}; it must be \"alert\" or \"retrain\""));
        }

        foreach ((string column, DriftMethod method) in document.DriftMethods ?? new Dictionary<string, DriftMethod>())
        {
            int? index = IndexOf(columns, column);
            if (index is null || !features.Contains(index.Value))
            {
                issues.Error(new ValidationIssue("model.json driftMethods names a column that is not a feature of the model", column));
            }
            else if (method.NeedsNumbers() && kinds[index.Value].Kind != ColumnKind.Numeric)
            {
                issues.Error(new ValidationIssue($"model.json driftMethods: {method.Name()} compares numbers, and this column is " +
                    $"{kinds[index.Value].Kind.ToString().ToLowerInvariant()}; use chisquare, z, jensenshannon or psi", column));
            }
        }
    }

    InferredColumn CheckDeclared(ColumnStatistics column, ColumnKind declared, bool decimalComma, ValidationIssues issues)
    {
        IReadOnlyList<(int Row, string Value)> bad = declared switch
        {
            ColumnKind.Numeric when column.Numbers(decimalComma).Count < column.Present => column.Numbers(decimalComma).NotNumbers,
            ColumnKind.Boolean when column.Booleans < column.Present => column.NotBooleans,
            _ => [],
        };
        foreach ((int row, string value) in bad)
        {
            issues.Error(new ValidationIssue(declared == ColumnKind.Numeric
                ? $"'{value}' is not a number (the column is declared numeric)"
                : $"'{value}' is not a yes/no value (the column is declared boolean)", column.Name, row));
        }

        return new InferredColumn(declared, "declared in model.json");
    }

    static void CheckLabel(ModelTask task, ColumnStatistics label, bool decimalComma, ValidationIssues issues)
    {
        IReadOnlyList<(int Row, string Value)> bad = task switch
        {
            ModelTask.Binary when label.Booleans < label.Present => label.NotBooleans,
            ModelTask.Regression when label.Numbers(decimalComma).Count < label.Present => label.Numbers(decimalComma).NotNumbers,
            _ => [],
        };
        foreach ((int row, string value) in bad)
        {
            issues.Error(new ValidationIssue(task == ModelTask.Binary
                ? $"'{value}' is not a binary label (use 0/1, true/false, yes/no or y/n)"
                : $"'{value}' is not a number", label.Name, row));
        }

        if (task == ModelTask.Regression || bad.Count > 0 || label.Present == 0)
        {
            return;
        }

        int classes = label.DistinctCapped ? int.MaxValue
            : task == ModelTask.Binary ? label.Distinct.Select(v => CellValues.TryParseBoolean(v, out bool b) && b).Distinct().Count()
            : label.Distinct.Count;
        if (classes < 2)
        {
            issues.Error(new ValidationIssue(
                $"the label has {classes} distinct value(s); a {task.ToString().ToLowerInvariant()} model needs at least two", label.Name));
        }
        else if (task == ModelTask.Multiclass && classes > LabelChoice.MaxClasses)
        {
            issues.Error(new ValidationIssue(
                $"the label has more than {LabelChoice.MaxClasses} distinct values; at most {LabelChoice.MaxClasses} classes are supported " +
                "(for a numeric target, set \"task\": \"regression\" in model.json)", label.Name));
        }
    }

    static ModelTask InferTask(ColumnKind kind, ColumnStatistics label, bool decimalComma)
    {
        if (kind == ColumnKind.Boolean)
        {
            return ModelTask.Binary;
        }

        NumberStatistics numbers = label.Numbers(decimalComma);
        if (kind == ColumnKind.Numeric)
        {
            bool fewIntegers = numbers.Integers == numbers.Count && label.DistinctCount <= MaxIntegerClassesWhenInferring;
            return fewIntegers ? ModelTask.Multiclass : ModelTask.Regression;
        }

        return ModelTask.Multiclass;
    }

    static void CheckNamesExist(DatasetScan scan, ModelSpecDocument document, ValidationIssues issues)
    {
        if (document.LabelColumn is { } label && IndexOf(scan.Columns, label) is null)
        {
            issues.Error(new ValidationIssue("the label column named in model.json is not in the file", label));
        }

        foreach (string name in (document.FeatureColumns ?? []).Concat(document.Columns?.Keys ?? []).Concat(document.SegmentColumns ?? [])
                     .Concat(document.DriftMethods?.Keys ?? []))
        {
            if (IndexOf(scan.Columns, name) is null)
            {
                issues.Error(new ValidationIssue("the column named in model.json is not in the file", name));
            }
        }
    }

    static ColumnKind? Declared(ModelSpecDocument document, string column) =>
        document.Columns?.FirstOrDefault(c => c.Key.Equals(column, StringComparison.OrdinalIgnoreCase)) is { Key: not null } pair
            ? pair.Value
            : null;

    static int? IndexOf(IReadOnlyList<ColumnStatistics> columns, string name)
    {
        for (int i = 0; i < columns.Count; i++)
        {
            if (columns[i].Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return null;
    }

    static double MissingShare(ColumnStatistics column) =>
        column.Missing + column.Present == 0 ? 0 : (double)column.Missing / (column.Missing + column.Present);

    static IReadOnlyList<ColumnReport> Reports(DatasetScan scan, InferredColumn[] kinds, int? label, IReadOnlyCollection<int> features,
        IReadOnlyDictionary<int, string> notes) =>
        scan.Columns.Select((column, i) =>
        {
            NumberStatistics numbers = column.Numbers(scan.Dialect.DecimalComma);
            bool numeric = kinds[i].Kind is ColumnKind.Numeric && numbers.Count > 0;
            string role = i == label ? ColumnReport.LabelRole : features.Contains(i) ? ColumnReport.FeatureRole : ColumnReport.LeftOutRole;
            return new ColumnReport(column.Name, kinds[i].Kind, role, kinds[i].Reason, notes.GetValueOrDefault(i), column.Missing,
                Math.Round(MissingShare(column), 4), column.DistinctCapped ? null : column.Distinct.Count,
                numeric ? numbers.Min : null, numeric ? numbers.Max : null, numeric ? numbers.Mean : null);
        }).ToList();

    static ValidationResult Result(DatasetScan scan, ValidationIssues issues, ModelSpec? spec, bool specInferred,
        IReadOnlyList<ColumnReport> columns, int labelled) =>
        new(issues.Errors, issues.Warnings, spec, specInferred, scan.Dialect, columns, scan.RowCount, labelled);
}
