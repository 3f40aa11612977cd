using System.Globalization;

namespace MlopsServerless.Benchmarks.Orchestration;

/// <summary>
/// CPU seconds of this process's threads (/proc/self/task/*/stat), grouped by thread name: the thread pool's workers
/// (".NET TP Worker"), the tiered JIT's background compiler (".NET Tiered Com"), the GC's, the socket engine's and so
/// on. A thread that ends between two snapshots is missed, so a difference is a lower bound.
/// </summary>
public static class ThreadCpu
{
    const double TicksPerSecond = 100;

    public static Dictionary<int, (string Name, double Seconds)> Snapshot()
    {
        var threads = new Dictionary<int, (string, double)>();
        if (!Directory.Exists("/proc/self/task"))
        {
            return threads;
        }

        foreach (string task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                string name = File.ReadAllText(Path.Combine(task, "comm")).Trim();
                string stat = File.ReadAllText(Path.Combine(task, "stat"));
                string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                // utime and stime are fields 14 and 15 of stat; fields[0] here is field 3.
                double seconds = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
                threads[int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture)] = (name, seconds);
            }
            catch (Exception exception) when (exception is IOException or FormatException or IndexOutOfRangeException)
            {
                // The thread ended in between.
            }
        }

        return threads;
    }

    /// <summary>CPU seconds per thread name between two snapshots (threads started in between count from zero).</summary>
    public static Dictionary<string, double> Difference(Dictionary<int, (string Name, double Seconds)> after, Dictionary<int, (string Name, double Seconds)> before) =>
        after.GroupBy(t => t.Value.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(t => t.Value.Seconds - (before.TryGetValue(t.Key, out var earlier) ? earlier.Seconds : 0)), StringComparer.Ordinal);
}
