using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace MlopsServerless.Benchmarks.Serving;

/// <summary>
/// A fixed-rate (open-loop) load generator, run in a child process of its own so its CPU and GC stay out of the server
/// process: request <c>i</c> is due at <c>start + i / rate</c> whatever the earlier answers do, and its latency is
/// measured from that scheduled time, so a stalled server is charged for every request it delayed (no coordinated
/// omission). A dedicated thread wakes every millisecond (<see cref="Thread.Sleep(int)"/>) and sends what is due, over
/// one <see cref="SocketsHttpHandler"/> (at most <see cref="MaxConnections"/> connections). The latency from the actual
/// send and the sender's own lateness (send − scheduled) are reported beside it.
/// </summary>
public static class OpenLoopLoad
{
    public const string ChildCommand = "--serving-load";
    const int MaxConnections = 64;
    const string ResultPrefix = "RESULT ";
    static readonly TimeSpan Drain = TimeSpan.FromSeconds(10);

    /// <summary>Starts the child (this assembly again) and waits for its result.</summary>
    public static async Task<OpenLoopResult> RunAsync(Uri url, string body, double rate, TimeSpan warmUp, TimeSpan duration)
    {
        string bodyFile = Path.Combine(Path.GetTempPath(), $"servebench-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(bodyFile, body);
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
            start.Environment["DOTNET_gcServer"] = "0"; // a small client: one heap, whatever the server runs with
            foreach (string argument in new[]
                     {
                         typeof(OpenLoopLoad).Assembly.Location, ChildCommand, url.ToString(), bodyFile, Invariant(rate),
                         Invariant(warmUp.TotalSeconds), Invariant(duration.TotalSeconds),
                     })
            {
                start.ArgumentList.Add(argument);
            }

            using Process child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the load generator.");
            string output = await child.StandardOutput.ReadToEndAsync();
            await child.WaitForExitAsync();
            string? line = output.Split('\n').LastOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
            return child.ExitCode == 0 && line is not null
                ? JsonSerializer.Deserialize<OpenLoopResult>(line[ResultPrefix.Length..])!
                : throw new InvalidOperationException($"The load generator failed (exit code {child.ExitCode}):\n{output}");
        }
        finally
        {
            File.Delete(bodyFile);
        }
    }

    /// <summary>In the child: <c>URL BODY_FILE RATE WARM_UP_SECONDS SECONDS</c>; one result line on stdout.</summary>
    public static int RunChild(string[] args)
    {
        var url = new Uri(args[0]);
        byte[] body = File.ReadAllBytes(args[1]);
        double rate = double.Parse(args[2], CultureInfo.InvariantCulture);
        int warmUpCount = (int)(rate * double.Parse(args[3], CultureInfo.InvariantCulture));
        int measuredCount = (int)(rate * double.Parse(args[4], CultureInfo.InvariantCulture));
        OpenLoopResult result = new Generator(url, body, rate, warmUpCount, measuredCount).Run();
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
        return 0;
    }

    static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    sealed class Generator(Uri url, byte[] body, double rate, int warmUpCount, int measuredCount)
    {
        readonly HttpMessageInvoker _client = new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = MaxConnections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
        });

        readonly int _total = warmUpCount + measuredCount;
        readonly double[] _fromScheduled = new double[warmUpCount + measuredCount];
        readonly double[] _fromSent = new double[warmUpCount + measuredCount];
        readonly double[] _sendLag = new double[warmUpCount + measuredCount];
        readonly bool[] _failed = new bool[warmUpCount + measuredCount];
        readonly bool[] _answered = new bool[warmUpCount + measuredCount];
        readonly TaskCompletionSource _allDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
        int _completed;
        int _inFlight;
        int _maxInFlight;

        public OpenLoopResult Run()
        {
            long start = Stopwatch.GetTimestamp();
            double ticksPerRequest = Stopwatch.Frequency / rate;
            var sender = new Thread(() =>
            {
                int next = 0;
                while (next < _total)
                {
                    long now = Stopwatch.GetTimestamp();
                    while (next < _total && start + (long)(next * ticksPerRequest) <= now)
                    {
                        _ = SendAsync(next, start + (long)(next * ticksPerRequest));
                        next++;
                    }

                    Thread.Sleep(1);
                }
            }) { IsBackground = true, Name = "open-loop sender" };
            CpuSeconds(out double cpuBefore);
            sender.Start();
            sender.Join();
            bool drained = _allDone.Task.Wait(Drain);
            double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
            CpuSeconds(out double cpuAfter);

            int measuredStart = warmUpCount;
            double[] scheduled = Measured(_fromScheduled, measuredStart);
            double[] sent = Measured(_fromSent, measuredStart);
            double[] lag = Measured(_sendLag, measuredStart);
            int errors = Enumerable.Range(measuredStart, measuredCount).Count(i => _failed[i] || !_answered[i]);
            return new OpenLoopResult(
                rate,
                measuredCount,
                scheduled.Length,
                errors,
                measuredCount / rate,
                Percentile(scheduled, 0.50), Percentile(scheduled, 0.90), Percentile(scheduled, 0.99), Percentile(scheduled, 0.999),
                scheduled.Length == 0 ? double.NaN : scheduled[^1],
                Percentile(sent, 0.50), Percentile(sent, 0.99),
                Percentile(lag, 0.50), Percentile(lag, 0.99),
                _maxInFlight,
                drained,
                (cpuAfter - cpuBefore) / wall);
        }

        async Task SendAsync(int index, long scheduled)
        {
            long sent = Stopwatch.GetTimestamp();
            int inFlight = Interlocked.Increment(ref _inFlight);
            int max;
            while (inFlight > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, inFlight, max) != max)
            {
            }

            bool ok;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body), Version = HttpVersion.Version11 };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using HttpResponseMessage response = await _client.SendAsync(request, CancellationToken.None);
                await response.Content.CopyToAsync(Stream.Null);
                ok = response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                ok = false;
            }

            long done = Stopwatch.GetTimestamp();
            _fromScheduled[index] = Stopwatch.GetElapsedTime(scheduled, done).TotalMilliseconds;
            _fromSent[index] = Stopwatch.GetElapsedTime(sent, done).TotalMilliseconds;
            _sendLag[index] = Stopwatch.GetElapsedTime(scheduled, sent).TotalMilliseconds;
            _failed[index] = !ok;
            Volatile.Write(ref _answered[index], true);
            Interlocked.Decrement(ref _inFlight);
            if (Interlocked.Increment(ref _completed) == _total)
            {
                _allDone.SetResult();
            }
        }

        /// <summary>The values of the measured requests that were answered (errors included), sorted.</summary>
        double[] Measured(double[] values, int from) =>
            Enumerable.Range(from, _total - from).Where(i => Volatile.Read(ref _answered[i])).Select(i => values[i]).Order().ToArray();

        static double Percentile(double[] sorted, double share) =>
            sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(share * sorted.Length) - 1)];

        static void CpuSeconds(out double seconds)
        {
            using var self = Process.GetCurrentProcess();
            seconds = self.TotalProcessorTime.TotalSeconds;
        }
    }
}

/// <summary>
/// One fixed-rate run (measured requests only; the warm-up's are left out): latencies in ms from the scheduled time
/// (p50…max), from the actual send, and the sender's lateness; requests still in flight at most; whether every request
/// ended within the drain time; the generator's own CPU in cores.
/// </summary>
public sealed record OpenLoopResult(
    double Rate,
    int Scheduled,
    int Completed,
    int Errors,
    double Seconds,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double P999Ms,
    double MaxMs,
    double SentP50Ms,
    double SentP99Ms,
    double LagP50Ms,
    double LagP99Ms,
    int MaxInFlight,
    bool Drained,
    double GeneratorCores);
