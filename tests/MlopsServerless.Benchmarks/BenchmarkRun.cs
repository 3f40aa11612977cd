using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace MlopsServerless.Benchmarks;

/// <summary>What every hand-run benchmark mode needs: its options, medians, and how busy the machine was.</summary>
public static class BenchmarkRun
{
    /// <summary>The integer after <paramref name="name"/> on the command line, or <paramref name="fallback"/>.</summary>
    public static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

    /// <summary>The number after <paramref name="name"/> on the command line, or <paramref name="fallback"/>.</summary>
    public static double Option(string[] args, string name, double fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

    public static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The 1-, 5- and 15-minute load averages (other work on the machine slows wall times, less so CPU times).</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>CPU, cores, memory, OS, .NET and GC mode: the first line of every benchmark's results.</summary>
    public static string MachineDescription()
    {
        string cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";
        string memory = File.Exists("/proc/meminfo")
            ? $"{long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024 / 1024.0:0.0} GB RAM"
            : "? RAM";
        return $"{cpu}, {Environment.ProcessorCount} cores, {memory}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
            $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC";
    }
}
