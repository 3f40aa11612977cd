using nietras.SeparatedValues;

namespace MlopsServerless.Core.Datasets.Csv;

/// <summary>One data row of a CSV while it is being read: its cells (unquoted, trimmed) and its row number (header = 1).</summary>
public readonly ref struct CsvRecord(SepReader.Row row, int rowNumber)
{
    readonly SepReader.Row _row = row;

    public int RowNumber { get; } = rowNumber;

    public int Count => _row.ColCount;

    public ReadOnlySpan<char> this[int column] => _row[column].Span;

    /// <summary>True when the row continues over more than one line (a quoted field holding a line break).</summary>
    public bool SpansLines => _row.LineNumberToExcl - _row.LineNumberFrom > 1;
}
