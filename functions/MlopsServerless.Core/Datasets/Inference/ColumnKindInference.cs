using MlopsServerless.Core.Configuration;

namespace MlopsServerless.Core.Datasets.Inference;

/// <summary>
/// Infers a column's kind from one pass of statistics. In order: empty; constant; boolean (every value a yes/no
/// spelling); numeric (every value a number), unless it is an identifier (an unnamed or id-named column of unique
/// integers, or a running index); date; numeric with cells to fix (at least 90 % numbers and too many distinct values
/// to be categories: a measurement with typos, whose other cells validation reports by row); identifier (text unique,
/// or nearly, per row); categorical (at most <see cref="TrainingOptions.MaxCategories"/> distinct values and few per
/// row); else free text.
/// </summary>
public static class ColumnKindInference
{
    const int AlwaysCategoricalDistinct = 20;
    const int MinRowsForIdentifier = 10;
    const double MostlyNumbersShare = 0.9;

    public static InferredColumn Infer(ColumnStatistics column, bool decimalComma, TrainingOptions options)
    {
        if (column.Present == 0)
        {
            return new(ColumnKind.Empty, "every cell is empty or a missing value");
        }

        if (column.DistinctCount == 1)
        {
            return new(ColumnKind.Constant, $"every value is '{column.Distinct.First()}'");
        }

        if (column.Booleans == column.Present)
        {
            return new(ColumnKind.Boolean, "every value is a yes/no spelling");
        }

        NumberStatistics numbers = column.Numbers(decimalComma);
        bool allUnique = column.DistinctCount == column.Present
            || (column.DistinctCapped && column.PresentWhenCapped == column.Distinct.Count);
        if (numbers.Count == column.Present)
        {
            bool integers = numbers.Integers == numbers.Count;
            if (integers && column.Present >= MinRowsForIdentifier
                && (numbers.IsSequence || (allUnique && LooksLikeIdentifier(column))))
            {
                return new(ColumnKind.Identifier, numbers.IsSequence
                    ? "the values count up by one, row by row: a row index"
                    : column.Unnamed ? "a unique integer per row in a column without a name: a row index"
                    : "a unique integer per row in an id-named column");
            }

            return new(ColumnKind.Numeric, "every value is a number");
        }

        if (column.Dates == column.Present)
        {
            return new(ColumnKind.Date, "every value is a date (dates are not used as features yet)");
        }

        bool mostlyNumbers = numbers.Count >= MostlyNumbersShare * column.Present && numbers.NotNumbers.Count > 0;
        string numericHint = mostlyNumbers
            ? $"; {numbers.Count} of {column.Present} values are numbers, but row {numbers.NotNumbers[0].Row} has '{numbers.NotNumbers[0].Value}'"
              + " (fix those cells, or declare the column \"numeric\" in model.json to list them)"
            : string.Empty;
        bool nearlyUnique = column.Present >= MinRowsForIdentifier
            && (allUnique || (!column.DistinctCapped && column.DistinctCount >= options.IdentifierDistinctRatio * column.Present));
        int distinct = column.DistinctCount;
        bool fewValues = !nearlyUnique && distinct <= options.MaxCategories
            && (distinct <= AlwaysCategoricalDistinct || distinct <= options.MaxCategoryRatio * column.Present);

        if (mostlyNumbers && !fewValues && !LooksLikeIdentifier(column))
        {
            return new(ColumnKind.Numeric, $"{numbers.Count} of {column.Present} values are numbers; the other cells must be fixed");
        }

        if (nearlyUnique)
        {
            bool prose = column.CellsWithSpaces > column.Present / 2;
            return prose
                ? new(ColumnKind.FreeText, $"almost every value is different text{numericHint}")
                : new(ColumnKind.Identifier, $"almost every value is different: an identifier{numericHint}");
        }

        if (fewValues)
        {
            return new(ColumnKind.Categorical, $"{distinct} distinct values{numericHint}");
        }

        return new(ColumnKind.FreeText, (column.DistinctCapped ? $"more than {options.MaxCategories}" : $"{distinct}")
            + $" distinct values in {column.Present} rows: too many to be categories{numericHint}");
    }

    static bool LooksLikeIdentifier(ColumnStatistics column)
    {
        string name = column.Name;
        string lower = name.ToLowerInvariant();
        return column.Unnamed || lower.StartsWith("unnamed", StringComparison.Ordinal) || lower is "id" or "index" or "idx" or "row"
            || lower.EndsWith("_id", StringComparison.Ordinal) || lower.EndsWith("-id", StringComparison.Ordinal)
            || lower.EndsWith(" id", StringComparison.Ordinal) || (name.EndsWith("Id", StringComparison.Ordinal) && name.Length > 2)
            || name.EndsWith("ID", StringComparison.Ordinal);
    }
}
