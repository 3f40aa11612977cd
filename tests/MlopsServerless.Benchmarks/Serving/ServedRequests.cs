using System.Diagnostics.Metrics;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Telemetry;

namespace MlopsServerless.Benchmarks.Serving;

/// <summary>
/// Counts the requests the local host answered with predictions (each measurement of the platform's
/// <c>mlops.predictions</c> counter is one served request), so a measurement can wait until the prediction log buffer
/// has written or dropped every one of them before the next one starts.
/// </summary>
public sealed class ServedRequests : IDisposable
{
    readonly MeterListener _listener = new();
    long _served;

    public ServedRequests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MlopsMetrics.MeterName && instrument.Name == "mlops.predictions")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref _served));
        _listener.Start();
    }

    public long Served => Interlocked.Read(ref _served);

    /// <summary>Waits until the buffer has written or dropped every served request; the seconds it took.</summary>
    public async Task<double> WaitForLogAsync(PredictionLogBuffer buffer, TimeSpan patience)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (buffer.Written + buffer.Dropped < Served)
        {
            if (waited.Elapsed > patience)
            {
                throw new TimeoutException($"The prediction log still had {Served - buffer.Written - buffer.Dropped} requests to write after {patience}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        return waited.Elapsed.TotalSeconds;
    }

    public void Dispose() => _listener.Dispose();
}
