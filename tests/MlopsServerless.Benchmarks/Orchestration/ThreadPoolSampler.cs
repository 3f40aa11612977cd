namespace MlopsServerless.Benchmarks.Orchestration;

/// <summary>What the thread pool looked like during a path: its most threads, and its queue of work items waiting for a thread.</summary>
public sealed record ThreadPoolLoad(int MaxThreads, long MaxQueued, double MeanQueued);

/// <summary>Samples the thread pool every 50 ms on a thread of its own (so a starved pool cannot delay the samples).</summary>
public sealed class ThreadPoolSampler : IDisposable
{
    readonly Thread _thread;
    volatile bool _stopped;
    int _maxThreads;
    long _maxQueued;
    long _sumQueued;
    long _samples;

    public ThreadPoolSampler()
    {
        _thread = new Thread(Sample) { IsBackground = true, Name = "thread pool sampler" };
        _thread.Start();
    }

    public ThreadPoolLoad Stop()
    {
        _stopped = true;
        _thread.Join();
        return new ThreadPoolLoad(_maxThreads, _maxQueued, _samples == 0 ? 0 : _sumQueued / (double)_samples);
    }

    public void Dispose()
    {
        if (!_stopped)
        {
            Stop();
        }
    }

    void Sample()
    {
        while (!_stopped)
        {
            long queued = ThreadPool.PendingWorkItemCount;
            _maxThreads = Math.Max(_maxThreads, ThreadPool.ThreadCount);
            _maxQueued = Math.Max(_maxQueued, queued);
            _sumQueued += queued;
            _samples++;
            Thread.Sleep(50);
        }
    }
}
