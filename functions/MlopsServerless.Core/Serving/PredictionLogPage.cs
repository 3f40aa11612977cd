using System.IO.Compression;

namespace MlopsServerless.Core.Serving;

/// <summary>
/// Several served requests' log lines stored as one table entity: newline-separated JSON, gzip-compressed, in request-id
/// order, so its first and last request ids bound it. One entity per page instead of one per request is what lets the
/// log keep up with serving: a flush writes a handful of entities a second per instance, far below a table
/// partition's 2,000 entities/s.
/// </summary>
public sealed record PredictionLogPage(string FirstRequestId, string LastRequestId, int LineCount, byte[] Compressed)
{
    /// <summary>The page's JSON lines, decompressed.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Lines()
    {
        using var output = new MemoryStream(Compressed.Length * 8);
        using (var gzip = new GZipStream(new MemoryStream(Compressed), CompressionMode.Decompress))
        {
            gzip.CopyTo(output);
        }

        ReadOnlyMemory<byte> text = output.GetBuffer().AsMemory(0, (int)output.Length);
        while (!text.IsEmpty)
        {
            int end = text.Span.IndexOf((byte)'\n');
            ReadOnlyMemory<byte> line = end < 0 ? text : text[..end];
            if (!line.IsEmpty)
            {
                yield return line;
            }

            text = end < 0 ? ReadOnlyMemory<byte>.Empty : text[(end + 1)..];
        }
    }

    /// <summary>A page of these lines, each with the request it logs, in request-id order.</summary>
    public static PredictionLogPage Create(IReadOnlyList<(string RequestId, byte[] Line)> lines)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            foreach ((_, byte[] line) in lines)
            {
                gzip.Write(line);
                gzip.WriteByte((byte)'\n');
            }
        }

        return new PredictionLogPage(lines[0].RequestId, lines[^1].RequestId, lines.Count, compressed.ToArray());
    }
}
