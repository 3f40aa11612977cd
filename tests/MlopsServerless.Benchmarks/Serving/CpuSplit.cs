using System.Globalization;
using MlopsServerless.Benchmarks.Orchestration;

namespace MlopsServerless.Benchmarks.Serving;

/// <summary>
/// CPU seconds used during one measurement, split by who used them: this process (the local host, the constant
/// endpoint, the prediction log's flushes), Azurite (a running child), the load generator (wrk or the open-loop child:
/// a child that ended during the measurement, counted by the kernel in this process's <c>cutime + cstime</c> once
/// .NET has reaped it) and every other process on the machine.
/// </summary>
public readonly record struct CpuSplit(double Host, double Azurite, double LoadGenerator, double Others, double Seconds)
{
    /// <summary>Cores used on average over the measurement.</summary>
    public CpuSplit PerSecond => new(Host / Seconds, Azurite / Seconds, LoadGenerator / Seconds, Others / Seconds, 1);

    public static Snapshot Now() => new(CpuTime.Now(), ReapedChildrenSeconds(), System.Diagnostics.Stopwatch.GetTimestamp());

    public readonly record struct Snapshot(CpuTime Cpu, double Reaped, long Timestamp)
    {
        /// <summary>What was used from <paramref name="before"/> until this snapshot; the load generator must have ended (and been waited for) in between.</summary>
        public CpuSplit Since(Snapshot before)
        {
            CpuTime used = Cpu - before.Cpu;
            double generator = Reaped - before.Reaped;
            double seconds = System.Diagnostics.Stopwatch.GetElapsedTime(before.Timestamp, Timestamp).TotalSeconds;
            return new CpuSplit(used.Process, used.Children, generator, Math.Max(0, used.Machine - used.Process - used.Children - generator), seconds);
        }
    }

    /// <summary>cutime + cstime of /proc/self/stat: CPU of this process's children that have ended and been waited for.</summary>
    static double ReapedChildrenSeconds()
    {
        if (!File.Exists("/proc/self/stat"))
        {
            return 0;
        }

        string stat = File.ReadAllText("/proc/self/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 16 and 17 of stat; fields[0] here is field 3.
        return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / 100.0;
    }
}
