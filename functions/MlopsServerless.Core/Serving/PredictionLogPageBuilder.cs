using System.IO.Compression;

namespace MlopsServerless.Core.Serving;

/// <summary>
/// One model's page being filled: each line is compressed as it is added, so what waits for the write is the compressed
/// page, not one object per request (those die young, which keeps the garbage collector's pauses short under load).
/// A line fits while the page stays within <see cref="PredictionLogPages.MaxPageBytes"/> of JSON and every request on it
/// was served within <see cref="PredictionLogPages.Span"/> of every other. Not thread-safe.
/// </summary>
public sealed class PredictionLogPageBuilder(string model) : IDisposable
{
    readonly MemoryStream _compressed = new();
    GZipStream? _gzip;
    string? _first;
    string? _last;
    DateTimeOffset _earliest;
    DateTimeOffset _latest;
    int _bytes;
    int _lines;
    int _requests;
    int _rows;

    public string Model { get; } = model;

    public bool IsEmpty => _lines == 0;

    /// <summary>Adds a request's lines, finishing the page into <paramref name="finished"/> each time the next line does not fit.</summary>
    public void Add(PredictionLogRecord record, ICollection<PredictionLogPage> finished)
    {
        for (int i = 0; i < record.Lines.Count; i++)
        {
            if (!Fits(record, record.Lines[i]))
            {
                finished.Add(Finish());
            }

            Add(record, record.Lines[i], isLast: i == record.Lines.Count - 1);
        }
    }

    /// <summary>Whether a line of this request fits on the page (always, on an empty page).</summary>
    bool Fits(PredictionLogRecord record, byte[] line) =>
        IsEmpty || (_bytes + line.Length + 1 <= PredictionLogPages.MaxPageBytes
            && Max(_latest, record.ServedAt) - Min(_earliest, record.ServedAt) <= PredictionLogPages.Span);

    void Add(PredictionLogRecord record, byte[] line, bool isLast)
    {
        _gzip ??= new GZipStream(_compressed, CompressionLevel.Fastest, leaveOpen: true);
        _gzip.Write(line);
        _gzip.WriteByte((byte)'\n');
        if (IsEmpty)
        {
            (_first, _last, _earliest, _latest) = (record.RequestId, record.RequestId, record.ServedAt, record.ServedAt);
        }
        else
        {
            _first = string.CompareOrdinal(record.RequestId, _first) < 0 ? record.RequestId : _first;
            _last = string.CompareOrdinal(record.RequestId, _last) > 0 ? record.RequestId : _last;
            (_earliest, _latest) = (Min(_earliest, record.ServedAt), Max(_latest, record.ServedAt));
        }

        _bytes += line.Length + 1;
        _lines++;
        if (isLast)
        {
            _requests++;
            _rows += record.Rows;
        }
    }

    /// <summary>The finished page; the builder is empty again.</summary>
    public PredictionLogPage Finish()
    {
        if (IsEmpty)
        {
            throw new InvalidOperationException("An empty page cannot be finished.");
        }

        _gzip!.Dispose();
        _gzip = null;
        var page = new PredictionLogPage(Model, _first!, _last!, Random.Shared.Next().ToString("x8", System.Globalization.CultureInfo.InvariantCulture), _lines, _requests,
            _rows, _compressed.ToArray());
        _compressed.SetLength(0);
        (_first, _last, _bytes, _lines, _requests, _rows) = (null, null, 0, 0, 0, 0);
        return page;
    }

    public void Dispose()
    {
        _gzip?.Dispose();
        _compressed.Dispose();
    }

    static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
