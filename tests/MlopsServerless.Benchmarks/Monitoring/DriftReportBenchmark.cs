using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Training;
using MlopsServerless.TestSupport;
using static MlopsServerless.Benchmarks.BenchmarkRun;

namespace MlopsServerless.Benchmarks.Monitoring;

/// <summary>
/// Issue 9's benchmark: the drift report over 1,000,000 logged rows × 10 features (7 numeric, 3 categorical). A champion
/// is trained on <see cref="DriftTraffic"/>, the rows are served through <see cref="PredictionService"/> in 100-row
/// requests and logged to the PredictionLog table on Azurite as in production; then the monitor's read (the window
/// streamed from storage, page by page, into its columns) and its computation (<see cref="DriftComparison"/>: every statistic, the dataset verdict, the predictions,
/// CBPE) are timed apart, and the whole <see cref="DriftMonitor.MeasureAsync"/> (read, compute, act, save) once.
/// <code>
/// dotnet run -c Release --project tests/MlopsServerless.Benchmarks -- drift-report [--rows 1000000] [--runs 3]
/// </code>
/// </summary>
public static class DriftReportBenchmark
{
    public const string Command = "drift-report";
    const int RowsPerRequest = 100;
    const int TrainingRows = 20_000;

    public static int Run(string[] args) =>
        RunAsync(Option(args, "--rows", 1_000_000), Option(args, "--runs", 3)).GetAwaiter().GetResult();

    static async Task<int> RunAsync(int rows, int runs)
    {
        Console.WriteLine($"Load average at start: {LoadAverage()}");
        await using AzuriteInstance azurite = await AzuriteInstance.StartAsync();
        await using CoreTestHost host = await CoreTestHost.StartAsync(azurite.ConnectionString, new Dictionary<string, string?>
        {
            [SettingKeys.TrainingCandidates] = "1",
            [SettingKeys.DriftLogLagSeconds] = "0",
        });

        var clock = Stopwatch.StartNew();
        string model = "drift-bench";
        PromotionDecision decision = await host.TrainRegisterAndPromoteAsync(
            await host.UploadAndValidateAsync(model, "data.csv", DriftTraffic.TrainingCsv(TrainingRows, seed: 1)));
        Champion champion = await host.Get<ModelRegistry>().GetChampionAsync(model, default)
            ?? throw new InvalidOperationException($"{model} v{decision.Version} was not promoted: {decision.Reason}");
        Console.WriteLine($"Champion {model} v{champion.Version} trained on {TrainingRows:N0} rows in {clock.Elapsed.TotalSeconds:0.0} s");

        host.Time.Advance(TimeSpan.FromSeconds(1));
        DateTimeOffset from = host.Time.GetUtcNow() - TimeSpan.FromMilliseconds(1);
        clock.Restart();
        await ServeAsync(host, model, rows);
        Console.WriteLine($"Served and logged {rows:N0} rows in {rows / RowsPerRequest:N0} requests in {clock.Elapsed.TotalSeconds:0.0} s");
        host.Time.Advance(TimeSpan.FromMinutes(1));
        DateTimeOffset to = host.Time.GetUtcNow();

        ModelVersion version = (await host.Get<ModelRegistry>().GetVersionAsync(model, champion.Version, default))!;
        ReferenceProfile profile = await host.Get<ModelArtifactStore>().LoadProfileAsync(version.ReferenceProfileBlob, default);
        DriftOptions settings = host.Get<IOptions<DriftOptions>>().Value;
        var reads = new List<double>();
        var computes = new List<double>();
        var gcPauses = new List<double>();
        var gen2s = new List<int>();
        DriftReport? report = null;
        for (int run = 1; run <= runs; run++)
        {
            Settle();
            clock.Restart();
            ServedWindow served = await ReadWindowAsync(host, model, version, from, to);
            reads.Add(clock.Elapsed.TotalSeconds);

            TimeSpan pausedBefore = GC.GetTotalPauseDuration();
            int gen2Before = GC.CollectionCount(2);
            clock.Restart();
            var window = new DriftReport(model, champion.Version, from, to, to, DriftReportStatus.Computed, served.Samples,
                settings.PsiThreshold, new Dictionary<string, FeatureDrift>(), null, [], false);
            report = DriftComparison.Compare(window, version.Spec, version.Metrics, profile, served, settings);
            computes.Add(clock.Elapsed.TotalSeconds);
            gcPauses.Add((GC.GetTotalPauseDuration() - pausedBefore).TotalSeconds);
            gen2s.Add(GC.CollectionCount(2) - gen2Before);
            Console.WriteLine($"run {run}: read {reads[^1]:0.000} s ({served.Samples:N0} rows into the window's columns), " +
                $"compute {computes[^1]:0.000} s " +
                $"(GC paused {gcPauses[^1]:0.000} s of it, {gen2s[^1]} gen-2 collections), load {LoadAverage()}");
        }

        Console.WriteLine();
        Console.WriteLine("Where the computation goes (one column at a time, from the window's columns):");
        ServedWindow logged = await ReadWindowAsync(host, model, version, from, to);
        foreach ((string feature, FeatureProfile reference) in profile.Features)
        {
            clock.Restart();
            FeatureDrift drift = reference.Compare(logged.Column(feature), settings, version.Spec.Drift.For(feature));
            Console.WriteLine($"- {feature} ({reference.Kind}, {drift.Method}): compare {clock.Elapsed.TotalMilliseconds:0} ms");
        }

        clock.Restart();
        ModelHealth? health = ModelHealth.Estimate(logged.Outputs, version.Metrics, settings.HealthMaxDrop);
        Console.WriteLine($"- CBPE: {clock.Elapsed.TotalMilliseconds:0} ms (estimated accuracy {health?.EstimatedAccuracy:0.000})");

        Settle();
        clock.Restart();
        DriftReport measured = (await host.Get<DriftMonitor>().MeasureAsync(champion, default)).Report;
        double full = clock.Elapsed.TotalSeconds;

        Console.WriteLine();
        Console.WriteLine($"## Issue 9: the drift report over {rows:N0} logged rows × 10 features");
        Console.WriteLine();
        Console.WriteLine($"| Phase | Median of {runs} | Goal |");
        Console.WriteLine("| --- | --- | --- |");
        Console.WriteLine($"| Read the window from the PredictionLog table (Azurite) | {Median(reads):0.00} s | stated |");
        Console.WriteLine($"| Compute the report (10 features, predictions, dataset verdict, CBPE) | {Median(computes):0.000} s | ≤ 1 s |");
        Console.WriteLine($"| `DriftMonitor.MeasureAsync` end to end (one run: read, compute, save) | {full:0.00} s | |");
        Console.WriteLine();
        Console.WriteLine($"Peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MiB (the whole process, Azurite excluded). " +
            $"Drifted: {string.Join(", ", measured.DriftedFeatures)} (shifted: {string.Join(", ", DriftTraffic.ShiftedFeatures)}); " +
            $"dataset drift {measured.DatasetDrift?.Drifted}; {measured.SampleCount:N0} rows; load average {LoadAverage()}.");
        return report is not null && measured.DriftedFeatures.SequenceEqual(DriftTraffic.ShiftedFeatures.Order(StringComparer.Ordinal)) ? 0 : 1;
    }

    static async Task ServeAsync(CoreTestHost host, string model, int rows)
    {
        var prediction = host.Get<PredictionService>();
        var buffer = host.Get<PredictionLogBuffer>();
        int request = 0;
        foreach (JsonElement body in DriftTraffic.Requests(rows / RowsPerRequest, RowsPerRequest, seed: 2))
        {
            PredictionOutcome outcome = await prediction.PredictAsync(model, body, default);
            if (++request % 1000 == 0)
            {
                await buffer.FlushAsync(default);
            }
        }

        await buffer.FlushAsync(default);
    }

    static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>The window as the monitor reads it: the log streamed page by page into the champion's columns.</summary>
    static async Task<ServedWindow> ReadWindowAsync(CoreTestHost host, string model, ModelVersion version, DateTimeOffset from, DateTimeOffset to)
    {
        var window = new ServedWindow(version.Spec.Features.Select(f => f.Name));
        await foreach (PredictionLogEntry entry in host.Get<PredictionLog>().StreamAsync(model, from, to, default))
        {
            window.Add(entry);
        }

        return window;
    }
}
