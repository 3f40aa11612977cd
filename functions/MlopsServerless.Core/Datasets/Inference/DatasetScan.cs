using MlopsServerless.Core.Datasets.Csv;

namespace MlopsServerless.Core.Datasets.Inference;

/// <summary>
/// The first, streaming pass over an upload: the header, the structure (cells per row), and the statistics of every
/// column. Holds no rows.
/// </summary>
public sealed record DatasetScan(
    IReadOnlyList<string> Header,
    CsvDialect Dialect,
    IReadOnlyList<ColumnStatistics> Columns,
    int RowCount,
    IReadOnlyList<ValidationIssue> StructureErrors)
{
    const int MaxStructureErrors = 20;

    public static DatasetScan Read(Stream content, MissingValues missingValues, int distinctCap)
    {
        using CsvRowReader reader = CsvRowReader.Open(content);
        var errors = new List<ValidationIssue>();
        IReadOnlyList<string> header = ColumnNames.Of(reader.Header);
        errors.AddRange(ColumnNames.Duplicates(header).Select(name =>
            new ValidationIssue("the column name appears more than once (names are compared ignoring case)", name, 1)));
        ColumnStatistics[] columns = header.Select((name, i) => new ColumnStatistics(name, distinctCap, reader.Header[i].Length == 0)).ToArray();
        ValidationIssue? notUtf8 = header.Select(name => NotUtf8(name, name, 1)).FirstOrDefault(issue => issue is not null);
        int rows = 0;
        int badRows = 0;
        reader.ForEachRow((in CsvRecord record) =>
        {
            rows++;
            if (record.Count != columns.Length)
            {
                if (++badRows <= MaxStructureErrors)
                {
                    errors.Add(new ValidationIssue(DescribeCellCount(record, columns.Length), Row: record.RowNumber));
                }

                return;
            }

            for (int c = 0; c < columns.Length; c++)
            {
                ReadOnlySpan<char> cell = record[c];
                notUtf8 ??= NotUtf8(cell, columns[c].Name, record.RowNumber);
                if (missingValues.IsMissing(cell))
                {
                    columns[c].AddMissing();
                }
                else
                {
                    columns[c].Add(cell, record.RowNumber);
                }
            }
        });

        if (notUtf8 is not null)
        {
            errors.Insert(0, notUtf8);
        }

        if (badRows > MaxStructureErrors)
        {
            errors.Add(new ValidationIssue($"{badRows} rows in all have the wrong number of cells; the first {MaxStructureErrors} are listed"));
        }

        bool decimalComma = reader.Separator != ','
            && columns.Sum(c => c.DecimalCommaCells) > columns.Sum(c => c.DecimalPointCells);
        return new DatasetScan(header, new CsvDialect(reader.Separator, decimalComma), columns, rows, errors);
    }

    /// <summary>A cell holding the replacement character: the bytes there were not UTF-8 (the file is in a legacy encoding).</summary>
    static ValidationIssue? NotUtf8(ReadOnlySpan<char> cell, string column, int row) =>
        cell.Contains('\uFFFD')
            ? new ValidationIssue($"'{cell}' is not UTF-8 text: the file is saved in another encoding (Windows-1252 or Latin-1, say); " +
                "save it as CSV UTF-8 (in Excel: File > Save As > CSV UTF-8)", column, row)
            : null;

    static string DescribeCellCount(in CsvRecord record, int expected)
    {
        string message = $"has {record.Count} cells; the header has {expected}";
        return record.SpansLines
            ? message + " (a quoted field runs over several lines: is a closing quote missing?)"
            : message;
    }
}
