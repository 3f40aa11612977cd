using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace MlopsServerless.Core.Datasets.Csv;

/// <summary>
/// Looks at the first bytes of an upload before it is read as CSV, so that a binary file, JSON or HTML is refused with
/// one clear error instead of a column report about garbage.
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
        string? problem = Classify(read.Buffer.Slice(0, Math.Min(read.Buffer.Length, SniffBytes)).ToArray(), read.IsCompleted);
        pipe.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        return (pipe.AsStream(), problem);
    }

    static string? Classify(byte[] prefix, bool complete)
    {
        ReadOnlySpan<byte> bytes = prefix;
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        if (bytes.StartsWith("PK\u0003\u0004"u8) || bytes.StartsWith("%PDF"u8) || bytes.StartsWith("\u001f\u008b"u8)
            || bytes.IndexOf((byte)0) >= 0 || !IsUtf8(bytes, complete))
        {
            return "the file is binary (not UTF-8 text): upload a CSV file (a spreadsheet can save one with File > Save As > CSV)";
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

    /// <summary>Valid UTF-8, allowing a multi-byte character cut off at the end of the prefix.</summary>
    static bool IsUtf8(ReadOnlySpan<byte> bytes, bool complete)
    {
        while (!bytes.IsEmpty)
        {
            OperationStatus status = Rune.DecodeFromUtf8(bytes, out _, out int consumed);
            if (status == OperationStatus.NeedMoreData && !complete)
            {
                return true;
            }

            if (status != OperationStatus.Done)
            {
                return false;
            }

            bytes = bytes[consumed..];
        }

        return true;
    }
}
