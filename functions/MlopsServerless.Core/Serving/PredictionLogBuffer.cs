using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.ObjectPool;
using Microsoft.Extensions.Options;
using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Telemetry;

namespace MlopsServerless.Core.Serving;

/// <summary>
/// Keeps the prediction log off the request path. A request only serializes its entry and adds it to an in-memory
/// channel. This background service moves what arrived onto each model's open page every few milliseconds (compressed
/// as it goes, so each request's objects die young), finishes a page when it is full or every
/// <see cref="PredictionOptions.LogFlushMilliseconds"/>, and writes finished pages to the <see cref="PredictionLog"/>
/// beside the next round of moving; everything once more on shutdown. The bound is in rows held until written
/// (<see cref="PredictionOptions.LogBufferSize"/>: waiting, on an open page or on a page being written), so memory stays
/// bounded whatever the request size. An entry that would pass it is not logged: it is counted in <see cref="Dropped"/>
/// and a warning says so. A page that fails to write is kept, unchanged, and tried again a flush interval later.
/// </summary>
public sealed class PredictionLogBuffer : BackgroundService
{
    static readonly TimeSpan MoveInterval = TimeSpan.FromMilliseconds(10);

    readonly Channel<PredictionLogRecord> _arrived = Channel.CreateUnbounded<PredictionLogRecord>(new UnboundedChannelOptions { SingleReader = true });
    readonly PredictionLog _log;
    readonly PredictionOptions _options;
    readonly ILogger<PredictionLogBuffer> _logger;
    readonly MlopsMetrics? _metrics;
    readonly ObjectPool<PredictionLogJson> _serializers = new DefaultObjectPool<PredictionLogJson>(
        new DefaultPooledObjectPolicy<PredictionLogJson>(), Environment.ProcessorCount * 2);
    readonly SemaphoreSlim _pages = new(1, 1);
    readonly SemaphoreSlim _writing = new(1, 1);
    readonly Dictionary<string, PredictionLogPageBuilder> _open = new(StringComparer.Ordinal);
    readonly List<PredictionLogPage> _finished = [];
    long _retryAtTicks;
    long _heldRows;
    long _dropped;
    long _written;

    public PredictionLogBuffer(PredictionLog log, IOptions<PredictionOptions> options, ILogger<PredictionLogBuffer> logger,
        MlopsMetrics? metrics = null)
    {
        _log = log;
        _metrics = metrics;
        _options = options.Value;
        _logger = logger;
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
            Drop(entry, $"the prediction log buffer is full ({_options.LogBufferSize} rows)");
            return false;
        }

        PredictionLogRecord record = Serialize(entry);
        if (!record.FitsAPage)
        {
            Interlocked.Add(ref _heldRows, -rows);
            Drop(entry, $"a served row is longer than a prediction log page holds ({PredictionLogPages.MaxPageBytes} bytes of JSON)");
            return false;
        }

        if (!_arrived.Writer.TryWrite(record))
        {
            Interlocked.Add(ref _heldRows, -rows);
            Drop(entry, "the prediction log has shut down");
            return false;
        }

        return true;
    }

    /// <summary>Writes everything added so far to the prediction log (pages not full yet included).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await MoveArrivedAsync(finishOpenPages: true, cancellationToken);
        await WriteFinishedAsync(cancellationToken);
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

    /// <summary>Moves arrived records onto their model's open page; full pages, and with <paramref name="finishOpenPages"/> all, are finished.</summary>
    async Task MoveArrivedAsync(bool finishOpenPages, CancellationToken cancellationToken)
    {
        await _pages.WaitAsync(cancellationToken);
        try
        {
            while (_arrived.Reader.TryRead(out PredictionLogRecord? record))
            {
                if (!_open.TryGetValue(record.Model, out PredictionLogPageBuilder? page))
                {
                    _open[record.Model] = page = new PredictionLogPageBuilder(record.Model);
                }

                page.Add(record, _finished);
            }

            if (finishOpenPages)
            {
                _finished.AddRange(_open.Values.Where(page => !page.IsEmpty).Select(page => page.Finish()));
            }
        }
        finally
        {
            _pages.Release();
        }
    }

    /// <summary>Writes the finished pages; those written leave the buffer, a failure leaves the rest for the next try.</summary>
    async Task WriteFinishedAsync(CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            List<PredictionLogPage> pages = await FinishedAsync(cancellationToken);
            if (pages.Count == 0)
            {
                return;
            }

            await _log.WriteAsync(pages, cancellationToken);
            await _pages.WaitAsync(cancellationToken);
            try
            {
                _finished.RemoveRange(0, pages.Count);
            }
            finally
            {
                _pages.Release();
            }

            Interlocked.Add(ref _written, pages.Sum(p => p.Requests));
            Interlocked.Add(ref _heldRows, -pages.Sum(p => p.Rows));
        }
        finally
        {
            _writing.Release();
        }
    }

    async Task<List<PredictionLogPage>> FinishedAsync(CancellationToken cancellationToken)
    {
        await _pages.WaitAsync(cancellationToken);
        try
        {
            return [.. _finished];
        }
        finally
        {
            _pages.Release();
        }
    }

    void Drop(PredictionLogEntry entry, string reason)
    {
        _metrics?.NotLogged(entry);
        long dropped = Interlocked.Increment(ref _dropped);
        if (dropped == 1 || dropped % 1000 == 0)
        {
            _logger.LogWarning("Served request not logged: {Reason}; {Dropped} not logged so far", reason, dropped);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(_options.LogFlushMilliseconds);
        DateTime lastFinish = DateTime.UtcNow;
        Task writing = Task.CompletedTask;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(MoveInterval, stoppingToken);
                bool due = DateTime.UtcNow - lastFinish >= interval;
                await MoveArrivedAsync(finishOpenPages: due, stoppingToken);
                lastFinish = due ? DateTime.UtcNow : lastFinish;
                if (writing.IsCompleted && _finished.Count > 0 && DateTime.UtcNow.Ticks >= Interlocked.Read(ref _retryAtTicks))
                {
                    writing = WriteInBackgroundAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await writing;
    }

    async Task WriteInBackgroundAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WriteFinishedAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            Interlocked.Exchange(ref _retryAtTicks, DateTime.UtcNow.AddMilliseconds(_options.LogFlushMilliseconds).Ticks);
            _logger.LogError(exception, "Writing {Pages} prediction log pages failed; retrying in {Milliseconds} ms", _finished.Count,
                _options.LogFlushMilliseconds);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        _arrived.Writer.TryComplete();
        await FlushAsync(cancellationToken);
        _logger.LogInformation("Prediction log flushed on shutdown: {Written} requests logged, {Dropped} dropped", Written, Dropped);
        foreach (PredictionLogPageBuilder page in _open.Values)
        {
            page.Dispose();
        }
    }
}
