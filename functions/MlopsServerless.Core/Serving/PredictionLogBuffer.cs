using System.Threading.Channels;
using Microsoft.Extensions.ObjectPool;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Telemetry;

namespace MlopsServerless.Core.Serving;

/// <summary>
/// Keeps the prediction log off the request path: a request only adds its entry, serialized, to a bounded in-memory
/// buffer, and this background service writes the buffer to the <see cref="PredictionLog"/> in pages, every
/// <see cref="PredictionOptions.LogFlushMilliseconds"/> or as soon as a page's worth is waiting, and once more on
/// shutdown. The bound is in rows held until written (<see cref="PredictionOptions.LogBufferSize"/>: buffered or being
/// written), so memory stays bounded whatever the request size. An entry that would pass it is not logged: it is
/// counted in <see cref="Dropped"/> and a warning says so. A write that fails is kept and tried again on the next flush.
/// </summary>
public sealed class PredictionLogBuffer : BackgroundService
{
    const int MaxBytesPerWrite = 8 * PredictionLogPages.MaxPageBytes;
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    readonly Channel<PredictionLogRecord> _buffer;
    readonly PredictionLog _log;
    readonly PredictionOptions _options;
    readonly ILogger<PredictionLogBuffer> _logger;
    readonly MlopsMetrics? _metrics;
    readonly ObjectPool<PredictionLogJson> _serializers = new DefaultObjectPool<PredictionLogJson>(
        new DefaultPooledObjectPolicy<PredictionLogJson>(), Environment.ProcessorCount * 2);
    readonly SemaphoreSlim _flushing = new(1, 1);
    readonly List<PredictionLogRecord> _pending = [];
    long _heldRows;
    long _bufferedBytes;
    long _dropped;
    long _written;

    public PredictionLogBuffer(PredictionLog log, IOptions<PredictionOptions> options, ILogger<PredictionLogBuffer> logger,
        MlopsMetrics? metrics = null)
    {
        _log = log;
        _metrics = metrics;
        _options = options.Value;
        _logger = logger;
        _buffer = Channel.CreateUnbounded<PredictionLogRecord>(); // not SingleReader: that reader cannot count, and the flush loop counts
    }

    /// <summary>Entries not logged because the buffer was full (or a row was too large for a page), since start.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Entries written to the prediction log, since start.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Adds a served request's entry; never waits. False when its rows do not fit and the entry is dropped.</summary>
    public bool Add(PredictionLogEntry entry)
    {
        _metrics?.Served(entry);
        int rows = entry.Inputs.Count;
        if (Interlocked.Add(ref _heldRows, rows) > _options.LogBufferSize)
        {
            Interlocked.Add(ref _heldRows, -rows);
            Drop(entry, "Prediction log buffer is full ({Capacity} rows): {Dropped} served requests not logged so far", _options.LogBufferSize);
            return false;
        }

        PredictionLogRecord record = Serialize(entry);
        if (!record.FitsAPage || !_buffer.Writer.TryWrite(record))
        {
            Interlocked.Add(ref _heldRows, -rows);
            Drop(entry, "A served row is longer than a prediction log page holds ({PageBytes} bytes of JSON): {Dropped} served requests not logged so far",
                PredictionLogPages.MaxPageBytes);
            return false;
        }

        Interlocked.Add(ref _bufferedBytes, record.Bytes);
        return true;
    }

    PredictionLogRecord Serialize(PredictionLogEntry entry)
    {
        PredictionLogJson json = _serializers.Get();
        try
        {
            return PredictionLogRecord.From(entry, json);
        }
        finally
        {
            _serializers.Return(json);
        }
    }

    /// <summary>Writes everything buffered so far to the prediction log.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            while (_buffer.Reader.TryRead(out PredictionLogRecord? record))
            {
                Interlocked.Add(ref _bufferedBytes, -record.Bytes);
                _pending.Add(record);
            }

            while (_pending.Count > 0)
            {
                List<PredictionLogRecord> batch = NextWrite();
                await _log.WriteAsync(batch, cancellationToken);
                _pending.RemoveRange(0, batch.Count);
                Interlocked.Add(ref _written, batch.Count);
                Interlocked.Add(ref _heldRows, -batch.Sum(r => r.Rows));
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>The oldest pending records, up to a few pages' worth: the same ones again when the last write failed.</summary>
    List<PredictionLogRecord> NextWrite()
    {
        var batch = new List<PredictionLogRecord>();
        long bytes = 0;
        foreach (PredictionLogRecord record in _pending)
        {
            if (batch.Count > 0 && bytes + record.Bytes > MaxBytesPerWrite)
            {
                break;
            }

            batch.Add(record);
            bytes += record.Bytes;
        }

        return batch;
    }

    void Drop(PredictionLogEntry entry, string message, int limit)
    {
        _metrics?.NotLogged(entry);
        long dropped = Interlocked.Increment(ref _dropped);
        if (dropped == 1 || dropped % 1000 == 0)
        {
            _logger.LogWarning(message, limit, dropped);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(_options.LogFlushMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(interval);
                while (Interlocked.Read(ref _bufferedBytes) < PredictionLogPages.MaxPageBytes && await _buffer.Reader.WaitToReadAsync(wait.Token))
                {
                    await Task.Delay(PollInterval, wait.Token);
                }
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
            }
            catch (OperationCanceledException)
            {
                break;
            }

            try
            {
                await FlushAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                _logger.LogError(exception, "Writing {Pending} prediction log entries failed; retrying on the next flush", _pending.Count);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        _buffer.Writer.TryComplete();
        await FlushAsync(cancellationToken);
        _logger.LogInformation("Prediction log flushed on shutdown: {Written} requests logged, {Dropped} dropped", Written, Dropped);
    }
}
