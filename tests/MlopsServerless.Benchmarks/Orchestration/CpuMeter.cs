using System.Globalization;

namespace MlopsServerless.Benchmarks.Orchestration;

/// <summary>
/// CPU seconds used so far by this process, by its child processes (Azurite's node) and by the whole machine, read from
/// /proc; <see cref="Others"/> is what every other process used (other builds and tests on a shared machine).
/// </summary>
public readonly record struct CpuTime(double Process, double Children, double Machine)
{
    const double TicksPerSecond = 100; // USER_HZ on Linux

    public double Others => Math.Max(0, Machine - Process - Children);

    public static CpuTime operator -(CpuTime after, CpuTime before) =>
        new(after.Process - before.Process, after.Children - before.Children, after.Machine - before.Machine);

    /// <summary>
    /// Waits until other processes leave the machine nearly idle (under 0.1 core over a 2-second window), at most
    /// <paramref name="patience"/>; the seconds waited, or null when it never was.
    /// </summary>
    public static async Task<double?> WaitForQuietAsync(TimeSpan patience)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < patience)
        {
            CpuTime before = Now();
            await Task.Delay(TimeSpan.FromSeconds(2));
            if ((Now() - before).Others < 0.2)
            {
                return waited.Elapsed.TotalSeconds;
            }
        }

        return null;
    }

    public static CpuTime Now()
    {
        double children = 0;
        foreach (string directory in Directory.Exists("/proc") ? Directory.EnumerateDirectories("/proc") : [])
        {
            if (int.TryParse(Path.GetFileName(directory), out int pid) && ParentOf(pid) == Environment.ProcessId)
            {
                try
                {
                    using var child = System.Diagnostics.Process.GetProcessById(pid);
                    children += child.TotalProcessorTime.TotalSeconds;
                }
                catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
                {
                    // It ended in between.
                }
            }
        }

        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return new CpuTime(self.TotalProcessorTime.TotalSeconds, children, MachineBusySeconds());
    }

    /// <summary>Busy time of all cores since boot: the first line of /proc/stat less idle and iowait.</summary>
    static double MachineBusySeconds()
    {
        if (!File.Exists("/proc/stat"))
        {
            return 0;
        }

        long[] ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal (guest time is already counted in user)
        return (ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6] + ticks[7]) / TicksPerSecond;
    }

    /// <summary>The parent pid in /proc/{pid}/stat (the fourth field, after the command name in parentheses).</summary>
    static int ParentOf(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            string[] rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(rest[1], CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return -1;
        }
    }
}
