using System.IO.Compression;

namespace MlopsServerless.Core.Serving;

/// <summary>
/// Several served requests' log lines stored as one table entity: newline-separated JSON, gzip-compressed. Its first
/// and last request ids (the smallest and largest, so also its earliest and latest served times) bound it, and
/// <see cref="Key"/> tells apart two pages that start with the same request (one too large for a page). One entity
/// per page instead of one per request is what lets the log keep up with serving: an instance writes a handful of
/// entities a second, far below a table partition's 2,000 entities/s.
/// <see cref="Requests"/> and <see cref="Rows"/> count the requests whose last line is on this page.
/// </summary>
public sealed record PredictionLogPage(string Model, string FirstRequestId, string LastRequestId, string Key, int LineCount, int Requests, int Rows,
    byte[] Compressed)
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
}
