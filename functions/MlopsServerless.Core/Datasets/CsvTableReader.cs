using Microsoft.VisualBasic.FileIO;

namespace MlopsServerless.Core.Datasets;

/// <summary>
/// Reads a CSV (comma, optional double quotes, header row) into a <see cref="RawTable"/>. Malformed quoting is an
/// <see cref="InvalidDataException"/> naming the line, never a guess. Blank lines are skipped.
/// </summary>
public static class CsvTableReader
{
    public static RawTable Read(Stream content)
    {
        using var parser = new TextFieldParser(content, System.Text.Encoding.UTF8, detectEncoding: true)
        {
            TextFieldType = FieldType.Delimited,
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = true,
        };
        parser.SetDelimiters(",");
        try
        {
            string[]? header = parser.ReadFields();
            if (header is null)
            {
                return new RawTable([], []);
            }

            var rows = new List<string[]>();
            while (parser.ReadFields() is { } fields)
            {
                rows.Add(fields);
            }

            return new RawTable(header, rows);
        }
        catch (MalformedLineException exception)
        {
            throw new InvalidDataException($"malformed CSV at line {exception.LineNumber}: {exception.Message}", exception);
        }
    }
}
