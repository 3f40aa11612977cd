using System.Text;
using nietras.SeparatedValues;

namespace MlopsServerless.Core.Datasets.Csv;

/// <summary>
/// Streams a delimited text file with Sep: the separator is detected from the header among <c>,</c> <c>;</c> tab and
/// <c>|</c>; quoted fields may hold separators, doubled quotes and line breaks; UTF-8 with or without BOM; LF or CRLF.
/// Blank lines are skipped. Nothing but the current row is held in memory.
/// </summary>
public sealed class CsvRowReader : IDisposable
{
    public delegate void RowHandler(in CsvRecord record);

    readonly SepReader _reader;

    CsvRowReader(SepReader reader, IReadOnlyList<string> header)
    {
        _reader = reader;
        Header = header;
    }

    public char Separator => _reader.Spec.Sep.Separator;

    /// <summary>Column names as written (trimmed); an empty list for an empty file.</summary>
    public IReadOnlyList<string> Header { get; }

    public static CsvRowReader Open(Stream content, char? separator = null)
    {
        var text = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        SepReader reader = Sep.Reader(options => options with
        {
            Sep = separator is { } known ? new Sep(known) : null,
            Unescape = true,
            Trim = SepTrim.All,
            DisableColCountCheck = true,
            HasHeader = false,
        }).From(text);

        var header = new List<string>();
        if (reader.MoveNext())
        {
            SepReader.Row first = reader.Current;
            for (int i = 0; i < first.ColCount; i++)
            {
                header.Add(first[i].Span.Trim('\uFEFF').ToString());
            }

            if (header is [""])
            {
                header.Clear();
            }
        }

        return new CsvRowReader(reader, header);
    }

    /// <summary>Calls <paramref name="handler"/> for every non-blank data row, in order.</summary>
    public void ForEachRow(RowHandler handler)
    {
        while (_reader.MoveNext())
        {
            SepReader.Row row = _reader.Current;
            if (row.ColCount == 1 && row[0].Span.IsEmpty)
            {
                continue;
            }

            handler(new CsvRecord(row, row.RowIndex + 1));
        }
    }

    public void Dispose() => _reader.Dispose();
}
