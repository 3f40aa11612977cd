using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

using static MlopsServerless.Benchmarks.BenchmarkRun;

namespace MlopsServerless.Benchmarks.TypedColumns;

/// <summary>
/// Issue 6's benchmark: validation plus training of a generated 1,000,000 × 20 CSV by the platform, beside bare ML.NET
/// on the same file. Each path runs in its own child process (so each peak resident set is that path's alone), the two
/// alternate, and the medians and the platform/bare ratios are printed as markdown.
/// <code>
/// dotnet run -c Release --project tests/MlopsServerless.Benchmarks -- typed-columns [--rows 1000000] [--runs 3]
/// dotnet tests/MlopsServerless.Benchmarks/bin/Release/net10.0/MlopsServerless.Benchmarks.dll --typed-columns platform|bare FILE.csv
/// </code>
/// </summary>
public static class TypedColumnsBenchmark
{
    public const string ParentCommand = "typed-columns";
    public const string ChildCommand = "--typed-columns";
    const string ResultPrefix = "RESULT ";
    static readonly string[] Paths = ["platform", "bare"];
    static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>In a child process: one path over the file, then one result line on stdout.</summary>
    public static int RunChild(string path, string csvPath)
    {
        PathMeasurement measurement = path switch
        {
            "platform" => PlatformPath.Run(csvPath),
            "bare" => BareMlNetPath.Run(csvPath),
            _ => throw new ArgumentException($"Unknown path '{path}': platform or bare.", nameof(path)),
        };
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(measurement, Json));
        return 0;
    }

    public static int RunParent(string[] args)
    {
        int rows = Option(args, "--rows", LargeDataset.DefaultRows);
        int runs = Option(args, "--runs", 3);

        var generate = Stopwatch.StartNew();
        string csv = LargeDataset.EnsureFile(rows);
        generate.Stop();
        Console.WriteLine($"File: {csv} ({new FileInfo(csv).Length / 1e6:0.0} MB, {rows:N0} rows; ready in {generate.Elapsed.TotalSeconds:0.0} s)");

        var results = Paths.ToDictionary(p => p, _ => new List<PathMeasurement>());
        for (int run = 1; run <= runs; run++)
        {
            foreach (string path in Paths)
            {
                string load = LoadAverage();
                PathMeasurement measured = RunInChild(path, csv);
                results[path].Add(measured);
                Console.WriteLine($"run {run} {path,-8}: {measured.Seconds,6:0.0} s (CPU {measured.CpuSeconds:0.0} s), peak {Mb(measured.PeakBytes),6:0} MB, " +
                    $"load {load} -> {LoadAverage()}  " +
                    string.Join("  ", measured.Phases.Select(p => $"{p.Name} {p.Seconds:0.0} s/{Mb(p.PeakBytes):0} MB")));
            }
        }

        Console.WriteLine();
        Console.WriteLine(Markdown(results, csv, rows, runs));
        return 0;
    }

    static PathMeasurement RunInChild(string path, string csv)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in new[] { typeof(TypedColumnsBenchmark).Assembly.Location, ChildCommand, path, csv })
        {
            start.ArgumentList.Add(argument);
        }

        using Process child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the child process.");
        string output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        string? line = output.Split('\n').LastOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (child.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The {path} child failed (exit code {child.ExitCode}):\n{output}");
        }

        return JsonSerializer.Deserialize<PathMeasurement>(line[ResultPrefix.Length..], Json)!;
    }

    static string Markdown(Dictionary<string, List<PathMeasurement>> results, string csv, int rows, int runs)
    {
        PathMeasurement[] platform = [.. results["platform"]];
        PathMeasurement[] bare = [.. results["bare"]];
        double platformSeconds = Median(platform.Select(m => m.Seconds));
        double bareSeconds = Median(bare.Select(m => m.Seconds));
        double platformPeak = Median(platform.Select(m => (double)m.PeakBytes));
        double barePeak = Median(bare.Select(m => (double)m.PeakBytes));
        var text = new System.Text.StringBuilder();
        text.AppendLine($"Machine: {MachineDescription()}");
        text.AppendLine($"File: {rows:N0} rows × 20 columns, {new FileInfo(csv).Length / 1e6:0.0} MB; {runs} runs per path, alternating, one child process per run");
        text.AppendLine();
        text.AppendLine("| Path | Wall time (median) | Runs | CPU time (median) | Peak working set (median) | Runs |");
        text.AppendLine("| --- | ---: | --- | ---: | ---: | --- |");
        foreach ((string name, PathMeasurement[] measured) in new[] { ("platform", platform), ("bare ML.NET", bare) })
        {
            text.AppendLine($"| {name} | {Median(measured.Select(m => m.Seconds)):0.0} s | {string.Join(" / ", measured.Select(m => m.Seconds.ToString("0.0", CultureInfo.InvariantCulture)))} " +
                $"| {Median(measured.Select(m => m.CpuSeconds)):0.0} s " +
                $"| {Mb(Median(measured.Select(m => (double)m.PeakBytes))):0} MB | {string.Join(" / ", measured.Select(m => Mb(m.PeakBytes).ToString("0", CultureInfo.InvariantCulture)))} |");
        }

        double cpuRatio = Median(platform.Select(m => m.CpuSeconds)) / Median(bare.Select(m => m.CpuSeconds));
        text.AppendLine($"| **platform / bare** | **{platformSeconds / bareSeconds:0.00}×** | | **{cpuRatio:0.00}×** | **{platformPeak / barePeak:0.00}×** | |");
        text.AppendLine();
        text.AppendLine("| Path | Phase | Wall time (median) | CPU time (median) | Peak working set in the phase (median) | Allocated (median) |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: |");
        foreach ((string name, PathMeasurement[] measured) in new[] { ("platform", platform), ("bare ML.NET", bare) })
        {
            foreach (string phase in measured[0].Phases.Select(p => p.Name))
            {
                Phase[] phases = measured.Select(m => m.Phases.Single(p => p.Name == phase)).ToArray();
                text.AppendLine($"| {name} | {phase} | {Median(phases.Select(p => p.Seconds)):0.00} s | {Median(phases.Select(p => p.CpuSeconds)):0.00} s " +
                    $"| {Mb(Median(phases.Select(p => (double)p.PeakBytes))):0} MB " +
                    $"| {Mb(Median(phases.Select(p => (double)p.AllocatedBytes))):0} MB |");
            }
        }

        text.AppendLine();
        foreach ((string name, PathMeasurement[] measured) in new[] { ("platform", platform), ("bare ML.NET", bare) })
        {
            text.AppendLine($"{name}: " + string.Join("; ", measured[0].Facts.Select(f => $"{f.Key} = {f.Value}")));
        }

        return text.ToString();
    }


    static double Mb(double bytes) => bytes / (1024.0 * 1024.0);
}
