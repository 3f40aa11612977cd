using System.Diagnostics;
using System.Globalization;

namespace MlopsServerless.Benchmarks.TypedColumns;

/// <summary>
/// One phase of a path: wall time, the process's CPU time (all threads: less sensitive than wall time to other work on
/// the machine), its peak resident memory during the phase (VmHWM) and the managed bytes it allocated.
/// </summary>
public sealed record Phase(string Name, double Seconds, double CpuSeconds, long PeakBytes, long AllocatedBytes);

/// <summary>What one child process measured for one path.</summary>
public sealed record PathMeasurement(string Path, double Seconds, double CpuSeconds, long PeakBytes, IReadOnlyList<Phase> Phases,
    IReadOnlyDictionary<string, string> Facts);

/// <summary>
/// Times the phases of one path in this process and reads Linux's peak resident set (VmHWM in /proc/self/status).
/// Before each phase the peak is reset (writing 5 to /proc/self/clear_refs), so each phase gets its own peak and the
/// path's peak is the largest of them; where the reset is not allowed, every phase reports the peak so far.
/// </summary>
public sealed class PhaseRecorder
{
    readonly List<Phase> _phases = [];
    readonly Stopwatch _total = new();

    public Dictionary<string, string> Facts { get; } = new(StringComparer.Ordinal);

    public long StartupPeakBytes { get; } = PeakResidentBytes();

    public T Run<T>(string name, Func<T> phase)
    {
        bool reset = ResetPeak();
        Facts["peakResetSupported"] = reset ? "true" : "false";
        long allocated = GC.GetTotalAllocatedBytes(precise: false);
        TimeSpan cpu = CpuTime();
        var watch = Stopwatch.StartNew();
        _total.Start();
        T result = phase();
        _total.Stop();
        watch.Stop();
        _phases.Add(new Phase(name, watch.Elapsed.TotalSeconds, (CpuTime() - cpu).TotalSeconds, PeakResidentBytes(),
            GC.GetTotalAllocatedBytes(precise: false) - allocated));
        return result;
    }

    public PathMeasurement Result(string path) =>
        new(path, _total.Elapsed.TotalSeconds, _phases.Sum(p => p.CpuSeconds), Math.Max(StartupPeakBytes, _phases.Max(p => p.PeakBytes)),
            _phases, Facts);

    static TimeSpan CpuTime()
    {
        using Process self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>VmHWM of this process in bytes (0 where /proc is not there).</summary>
    public static long PeakResidentBytes()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return 0;
        }

        string? line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
