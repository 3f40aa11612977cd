using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace MlopsServerless.Core.Datasets.Csv;

/// <summary>
/// Looks at the first bytes of an upload before it is read as CSV, so that a binary file, UTF-16 text, JSON or HTML is
/// refused with one clear error instead of a column report about garbage. (Text in a legacy 8-bit encoding passes here;
/// the scan names the first cell that is not UTF-8.)
/// </summary>
public static class CsvContent
{
    const int SniffBytes = 4096;

    /// <summary>
    /// The stream to read the CSV from (the whole content, nothing consumed) and, when the content is clearly not a
    /// delimited text file, why not.
    /// </summary>
    public static async Task<(Stream Content, string? NotCsv)> SniffAsync(Stream content, CancellationToken cancellationToken)
    {
        PipeReader pipe = PipeReader.Create(content, new StreamPipeReaderOptions(bufferSize: SniffBytes, leaveOpen: true));
        ReadResult read = await pipe.ReadAtLeastAsync(SniffBytes, cancellationToken);
        string? problem = Classify(read.Buffer.Slice(0, Math.Min(read.Buffer.Length, SniffBytes)).ToArray());
        pipe.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        return (pipe.AsStream(), problem);
    }

    static string? Classify(byte[] prefix)
    {
        ReadOnlySpan<byte> bytes = prefix;
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }
        else if (bytes.StartsWith(Encoding.Unicode.Preamble) || bytes.StartsWith(Encoding.BigEndianUnicode.Preamble))
        {
            return "the file is UTF-16 text (Excel's \"Unicode Text\"), not UTF-8: save it as CSV UTF-8 (File > Save As > CSV UTF-8)";
        }

        if (bytes.StartsWith("PK\u0003\u0004"u8) || bytes.StartsWith("%PDF"u8) || bytes.StartsWith("\u001f\u008b"u8)
            || bytes.IndexOfAnyInRange((byte)0x00, (byte)0x08) >= 0 || bytes.IndexOfAnyInRange((byte)0x0E, (byte)0x19) >= 0
            || bytes.IndexOfAnyInRange((byte)0x1B, (byte)0x1F) >= 0)
        {
            return "the file is binary, not text: upload a CSV file (a spreadsheet can save one with File > Save As > CSV UTF-8)";
        }

        ReadOnlySpan<byte> text = bytes.TrimStart(" \t\r\n"u8);
        if (text.IsEmpty)
        {
            return null;
        }

        return text[0] switch
        {
            (byte)'{' or (byte)'[' => "the file is JSON, not CSV: upload rows as comma-separated values with a header row",
            (byte)'<' => "the file is HTML or XML, not CSV: upload rows as comma-separated values with a header row",
            _ => null,
        };
    }
}
