using System.Diagnostics;
using System.Globalization;
using System.Text;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Datasets.Csv;
using MlopsServerless.Core.Training;

using static MlopsServerless.Benchmarks.BenchmarkRun;

namespace MlopsServerless.Benchmarks.Orchestration;

/// <summary>
/// Issue 7's benchmark: a generated 100,000 × 10 CSV trained end to end through the local host (Azurite, Durable Task
/// Azure Storage backend) beside bare ML.NET training of the same candidates in this process on the same rows. Each
/// round runs five paths: end to end, the same Core steps called directly (no Durable), and three bare variants
/// (<see cref="BarePath"/>). Medians, ratios and where the end-to-end time goes are printed as markdown, after what
/// explains it: storage requests, dataset reads, CPU by thread, JIT activity.
/// <code>
/// dotnet run -c Release --project tests/MlopsServerless.Benchmarks -- orchestration [--rows 100000] [--runs 3] [--warm-ups 5] [--log FILE]
/// </code>
/// <c>--log FILE</c> writes the local host's log entries of the last end-to-end run (Durable Task at debug level).
/// </summary>
public static class OrchestrationBenchmark
{
    public const string Command = "orchestration";
    const string EndToEndName = "end to end (local host, Durable on Azurite)";
    const string DirectName = "Core steps called directly (same host services and Azurite, no Durable)";
    const int WarmUpRows = 5_000;

    /// <summary>How long a path waits for other processes on the machine to go quiet before it runs anyway.</summary>
    static readonly TimeSpan QuietPatience = TimeSpan.FromMinutes(10);

    public static int Run(string[] args)
    {
        int rows = Option(args, "--rows", OrchestrationDataset.DefaultRows);
        int runs = Option(args, "--runs", 3);
        string? logFile = Array.IndexOf(args, "--log") is var l and >= 0 && l + 1 < args.Length ? args[l + 1] : null;
        int warmUps = Option(args, "--warm-ups", 5);
        return RunAsync(rows, runs, warmUps, logFile).GetAwaiter().GetResult();
    }

    sealed record BareVariant(string Name, BarePath.Variant Variant, int Concurrency);

    static async Task<int> RunAsync(int rows, int runs, int warmUps, string? logFile)
    {
        string csv = OrchestrationDataset.EnsureFile(rows);
        string warmUpCsv = OrchestrationDataset.EnsureFile(WarmUpRows);
        (ModelSpec spec, CsvDialect dialect) = BarePath.Inspect(csv);
        (ModelSpec warmUpSpec, CsvDialect warmUpDialect) = BarePath.Inspect(warmUpCsv);
        Console.WriteLine($"File: {csv} ({new FileInfo(csv).Length / 1e6:0.0} MB, {rows:N0} rows); features: " +
            string.Join(", ", spec.Features.Select(f => $"{f.Name} ({f.Kind})")));

        var clock = Stopwatch.StartNew();
        await using LocalHostPath host = await LocalHostPath.StartAsync(verboseLogs: logFile is not null);
        double startup = clock.Elapsed.TotalSeconds;
        (int workerConcurrency, int backendConcurrency) = host.ActivityConcurrency;
        Console.WriteLine($"Azurite + local host started in {startup:0.0} s; activity concurrency: worker {workerConcurrency}, backend {backendConcurrency}");

        int cores = Environment.ProcessorCount;
        int candidateCount = CandidateSearch.Create(spec.Task, spec.Trainer, spec.Policy.Candidates, new NativeLibraryProbe().LightGbm)
            .Candidates.Count;
        BareVariant[] variants =
        [
            new($"bare: candidates alone, {cores} at a time", BarePath.Variant.Candidates, cores),
            new($"bare: + the same extra work, {cores} at a time", BarePath.Variant.Full, cores),
            new($"bare: + the same extra work, all {candidateCount} at once", BarePath.Variant.Full, candidateCount),
        ];

        // Warm-up (not measured): JIT and first-use costs of every path, on a small file, a few times (the tiered JIT
        // recompiles a method once it has been called 30 times, and the local host's own code is called a few times a run).
        clock.Restart();
        for (int warmUp = 1; warmUp <= warmUps; warmUp++)
        {
            await host.RunAsync($"warmup-{warmUp}", warmUpCsv);
            await host.RunCoreStepsAsync($"direct-warmup-{warmUp}", warmUpCsv);
            foreach (BareVariant variant in variants)
            {
                BarePath.Run(warmUpCsv, variant.Variant, variant.Concurrency, warmUpSpec, warmUpDialect);
            }
        }

        Console.WriteLine($"Warm-up ({WarmUpRows:N0} rows, every path {warmUps} times) in {clock.Elapsed.TotalSeconds:0.0} s");

        // What the idle local host and Azurite cost in the background (blob watcher, Durable queue polling), in every path.
        await CpuTime.WaitForQuietAsync(QuietPatience);
        CpuTime idleBefore = CpuTime.Now();
        CpuTime idle;
        using (var idleRequests = new StorageRequests())
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            idle = CpuTime.Now() - idleBefore;
            Console.WriteLine($"Idle host: {idle.Process / 10:0.000} + {idle.Children / 10:0.000} cores (this process + Azurite); storage requests a second: " +
                string.Join(", ", idleRequests.ByResource.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value / 10.0:0.0}")));
        }

        var endToEnd = new List<(EndToEndRun Run, RunTimeline Timeline)>();
        var direct = new List<DirectRun>();
        var bare = variants.ToDictionary(v => v, _ => new List<BareRun>());
        var cpu = new Dictionary<string, List<CpuTime>>();
        var pool = new Dictionary<string, List<ThreadPoolLoad>>();
        var threads = new Dictionary<string, List<Dictionary<string, double>>>();
        var quietWaits = new List<double?>();
        var polls = new List<(double Wall, double Cpu)>();
        var storage = new Dictionary<string, List<(Dictionary<string, int> ByResource, double DatasetReads)>> { [EndToEndName] = [], [DirectName] = [] };
        StorageRequests? requests = null;
        using var jit = new JitCounter();
        var jitted = new Dictionary<string, List<Dictionary<string, int>>>();
        async Task<T> Measure<T>(string path, Func<Task<T>> run)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            quietWaits.Add(await CpuTime.WaitForQuietAsync(QuietPatience));
            requests?.Dispose();
            requests = new StorageRequests();
            jit.Start();
            CpuTime before = CpuTime.Now();
            Dictionary<int, (string Name, double Seconds)> threadsBefore = ThreadCpu.Snapshot();
            using var sampler = new ThreadPoolSampler();
            T result = await run();
            (cpu.TryGetValue(path, out List<CpuTime>? list) ? list : cpu[path] = []).Add(CpuTime.Now() - before);
            (threads.TryGetValue(path, out var perThread) ? perThread : threads[path] = []).Add(ThreadCpu.Difference(ThreadCpu.Snapshot(), threadsBefore));
            (pool.TryGetValue(path, out List<ThreadPoolLoad>? loads) ? loads : pool[path] = []).Add(sampler.Stop());
            requests.Stop();
            jit.Stop();
            (jitted.TryGetValue(path, out var methods) ? methods : jitted[path] = []).Add(jit.ByNamespace.ToDictionary());
            return result;
        }

        for (int run = 1; run <= runs; run++)
        {
            // The two paths through the host take turns going first.
            foreach (bool endToEndNow in run % 2 == 1 ? new[] { true, false } : [false, true])
            {
                if (endToEndNow)
                {
                    string model = $"orchestration-{run}";
                    EndToEndRun e2e = await Measure(EndToEndName, () => host.RunAsync(model, csv));
                    var timeline = RunTimeline.Build(e2e);
                    endToEnd.Add((e2e, timeline));
                    storage[EndToEndName].Add((requests!.ByResource.ToDictionary(), DatasetReads(requests, await host.DatasetBlobAsync(model))));
                    Console.WriteLine($"run {run} end to end: {e2e.Seconds,6:0.00} s (seen {e2e.ObservedSeconds:0.00} s)  chose {e2e.ChosenId}, test {e2e.TestMetric:0.######}  " +
                        string.Join("  ", timeline.Segments.Select(s => $"{s.Seconds:0.00}")));
                    polls.Add(await host.MeasurePollAsync(model));
                    if (logFile is not null)
                    {
                        await File.WriteAllLinesAsync(logFile, e2e.Logs.Select(e =>
                            $"{e.At:HH:mm:ss.fff} {e.Level} {e.Category}: {e.Message} | {string.Join(", ", e.Fields.Select(f => $"{f.Key}={f.Value}"))}"));
                    }
                }
                else
                {
                    string model = $"direct-{run}";
                    DirectRun steps = await Measure(DirectName, () => host.RunCoreStepsAsync(model, csv));
                    direct.Add(steps);
                    storage[DirectName].Add((requests!.ByResource.ToDictionary(), DatasetReads(requests, await host.DatasetBlobAsync(model))));
                    Console.WriteLine($"run {run} {DirectName}: {steps.Seconds,6:0.00} s  chose {steps.ChosenId}, test {steps.TestMetric:0.######}  " +
                        string.Join("  ", steps.Phases.Select(p => $"{p.Name} {p.Seconds:0.00}")));
                }
            }

            foreach (BareVariant variant in variants)
            {
                BareRun measured = await Measure(variant.Name, () => Task.FromResult(BarePath.Run(csv, variant.Variant, variant.Concurrency, spec, dialect)));
                bare[variant].Add(measured);
                Console.WriteLine($"run {run} {variant.Name}: {measured.Seconds,6:0.00} s  chose {measured.ChosenId}, test {measured.TestMetric:0.######}  " +
                    string.Join("  ", measured.Phases.Select(p => $"{p.Name} {p.Seconds:0.00}")));
            }
        }

        Console.WriteLine();
        requests?.Dispose();
        Console.WriteLine($"Waited for a quiet machine before each path: {string.Join(" / ", quietWaits.Select(w => w is { } s ? $"{s:0}" : "never"))} s");
        Console.WriteLine($"One GET /api/models/{{model}} after a run: {Median(polls.Select(p => p.Wall)) * 1000:0} ms, {Median(polls.Select(p => p.Cpu)) * 1000:0} ms CPU (medians)");
        double datasetRead = await host.MeasureDatasetReadAsync("orchestration-1");
        Console.WriteLine($"Reading a run's dataset snapshot from Azurite into typed columns (a DatasetStore without it): {datasetRead * 1000:0} ms");
        Console.WriteLine("Storage requests per run (Azure SDK request events, by method and container/queue/table; medians):");
        foreach ((string path, var perRun) in storage)
        {
            Console.WriteLine($"- {path}: {Median(perRun.Select(r => (double)r.ByResource.Values.Sum())):0} requests; dataset snapshot read " +
                $"{string.Join(" / ", perRun.Select(r => r.DatasetReads))} times; " + string.Join(", ", perRun.SelectMany(r => r.ByResource.Keys).Distinct()
                    .Select(k => (Key: k, Count: Median(perRun.Select(r => (double)r.ByResource.GetValueOrDefault(k)))))
                    .OrderByDescending(k => k.Count).Select(k => $"{k.Key} {k.Count:0}")));
        }

        Console.WriteLine("CPU seconds by thread name (medians; threads that ended during a path are missed):");
        foreach ((string path, List<Dictionary<string, double>> perRun) in threads)
        {
            IEnumerable<string> names = perRun.SelectMany(r => r.Keys).Distinct();
            Console.WriteLine($"- {path}: " + string.Join(", ", names
                .Select(n => (Name: n, Seconds: Median(perRun.Select(r => r.GetValueOrDefault(n)))))
                .Where(n => n.Seconds >= 0.05).OrderByDescending(n => n.Seconds).Select(n => $"{n.Name} {n.Seconds:0.00}")));
        }

        Console.WriteLine("Methods compiled by the JIT during each path (per run; then the largest groups by namespace, medians):");
        foreach ((string path, var perRun) in jitted)
        {
            Console.WriteLine($"- {path}: {string.Join(" / ", perRun.Select(r => r.Values.Sum()))} methods; " + string.Join(", ", perRun.SelectMany(r => r.Keys).Distinct()
                .Select(k => (Key: k, Count: Median(perRun.Select(r => (double)r.GetValueOrDefault(k)))))
                .OrderByDescending(k => k.Count).Take(8).Select(k => $"{k.Key} {k.Count:0}")));
        }

        Console.WriteLine();
        Console.WriteLine(Markdown(csv, rows, runs, warmUps, startup, (workerConcurrency, backendConcurrency), spec, endToEnd, direct, variants, bare, cpu, pool));
        return 0;
    }

    static string Markdown(string csv, int rows, int runs, int warmUps, double startup, (int Worker, int Backend) concurrency, ModelSpec spec,
        List<(EndToEndRun Run, RunTimeline Timeline)> endToEnd, List<DirectRun> direct, BareVariant[] variants,
        Dictionary<BareVariant, List<BareRun>> bare, Dictionary<string, List<CpuTime>> cpu, Dictionary<string, List<ThreadPoolLoad>> pool)
    {
        var text = new StringBuilder();
        double e2e = Median(endToEnd.Select(r => r.Run.Seconds));
        text.AppendLine($"Machine: {MachineDescription()} (both paths in one process)");
        text.AppendLine($"Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine($"File: {rows:N0} rows × {spec.Features.Count} features ({string.Join(", ", spec.Features.GroupBy(f => f.Kind).Select(g => $"{g.Count()} {g.Key}"))}) " +
            $"+ binary label, {new FileInfo(csv).Length / 1e6:0.0} MB; task {spec.Task}, budget {spec.Policy.Candidates} candidates");
        text.AppendLine($"{runs} runs per path, alternating (end to end and the direct Core steps taking turns first, then each bare variant), after {warmUps} warm-ups of every path on {WarmUpRows:N0} rows; " +
            $"Azurite + local host start-up ({startup:0.0} s) not counted; activity concurrency of the local host: worker {concurrency.Worker}, backend {concurrency.Backend}");
        text.AppendLine();
        text.AppendLine("| Path | Wall time (median) | Runs | End to end ÷ this | CPU: this process + Azurite (median) | CPU of other processes (runs) |");
        text.AppendLine("| --- | ---: | --- | ---: | ---: | --- |");
        text.AppendLine($"| end to end: upload → champion written | {e2e:0.00} s | {Runs(endToEnd.Select(r => r.Run.Seconds))} | | {Cpu(cpu[EndToEndName])} | {Others(cpu[EndToEndName])} |");
        text.AppendLine($"| end to end: upload → champion seen (polled every {LocalHostPath.PollInterval.TotalMilliseconds:0} ms) | " +
            $"{Median(endToEnd.Select(r => r.Run.ObservedSeconds)):0.00} s | {Runs(endToEnd.Select(r => r.Run.ObservedSeconds))} | | | |");
        double directSeconds = Median(direct.Select(r => r.Seconds));
        text.AppendLine($"| {DirectName} | {directSeconds:0.00} s | {Runs(direct.Select(r => r.Seconds))} | {e2e / directSeconds:0.00}× | {Cpu(cpu[DirectName])} | {Others(cpu[DirectName])} |");
        foreach (BareVariant variant in variants)
        {
            double seconds = Median(bare[variant].Select(r => r.Seconds));
            text.AppendLine($"| {variant.Name} | {seconds:0.00} s | {Runs(bare[variant].Select(r => r.Seconds))} | **{e2e / seconds:0.00}×** | {Cpu(cpu[variant.Name])} | {Others(cpu[variant.Name])} |");
        }

        text.AppendLine();
        text.AppendLine("Thread pool during each path (per run): most threads; work items waiting for a thread, most and mean of 50-ms samples:");
        text.AppendLine();
        foreach ((string path, List<ThreadPoolLoad> loads) in pool)
        {
            text.AppendLine($"- {path}: {string.Join(" / ", loads.Select(l => $"{l.MaxThreads} threads, queue max {l.MaxQueued} mean {l.MeanQueued:0.0}"))}");
        }

        text.AppendLine();
        text.AppendLine("Where the end-to-end time goes (medians per segment; the segments of one run add up to its wall time):");
        text.AppendLine();
        text.AppendLine("| Segment | Median | Runs |");
        text.AppendLine("| --- | ---: | --- |");
        foreach (string name in endToEnd[0].Timeline.Segments.Select(s => s.Name).Distinct())
        {
            double[] values = endToEnd.Select(r => r.Timeline.Segments.Where(s => s.Name == name).Sum(s => s.Seconds)).ToArray();
            bool durable = endToEnd[0].Timeline.Segments.First(s => s.Name == name).Durable;
            text.AppendLine($"| {(durable ? "*Durable* " : "")}{name} | {Median(values):0.000} s | {Runs(values, "0.000")} |");
        }

        text.AppendLine($"| **all Durable hand-offs** | **{Median(endToEnd.Select(r => r.Timeline.DurableSeconds)):0.000} s** | {Runs(endToEnd.Select(r => r.Timeline.DurableSeconds), "0.000")} |");
        text.AppendLine();
        text.AppendLine($"Candidate activities running at once in the local host (peak, per run): {string.Join(" / ", endToEnd.Select(r => r.Timeline.PeakConcurrentCandidates))}; " +
            string.Join("; ", variants.Select(v => $"{v.Name}: {string.Join(" / ", bare[v].Select(r => r.PeakConcurrency))}")) + ".");
        text.AppendLine();
        text.AppendLine("Per candidate (medians): the activity's execution, the training inside it as the run records it (`trainingSeconds`), and bare training:");
        text.AppendLine();
        text.AppendLine($"| Candidate | Activity | Training in it | Training, Core steps directly | {string.Join(" | ", variants.Select(v => $"Training, {v.Name}"))} |");
        text.AppendLine($"| --- | ---: | ---: | ---: | {string.Join(" | ", variants.Select(_ => "---:"))} |");
        foreach (CandidateState candidate in endToEnd[0].Run.Candidates.Where(c => c.State != "Skipped"))
        {
            double activity = Median(endToEnd.Select(r => r.Timeline.Candidates.Single(a => a.Name.EndsWith(candidate.Id, StringComparison.Ordinal)).Seconds));
            double training = Median(endToEnd.Select(r => r.Run.Candidates.Single(c => c.Id == candidate.Id).TrainingSeconds ?? double.NaN));
            IEnumerable<string> bareTimes = variants.Select(v =>
                $"{Median(bare[v].Select(r => r.Candidates.Single(c => c.Configuration == candidate.Configuration).TrainingSeconds)):0.00} s");
            double directTraining = Median(direct.Select(r => r.Candidates.Single(c => c.Configuration == candidate.Configuration).TrainingSeconds));
            text.AppendLine($"| {candidate.Configuration} | {activity:0.00} s | {training:0.00} s | {directTraining:0.00} s | {string.Join(" | ", bareTimes)} |");
        }

        text.AppendLine();
        text.AppendLine("Steps as the run record shows them (`GET /api/models/{model}/runs/{runId}`, progress.steps; medians):");
        text.AppendLine();
        text.AppendLine("| Step | Median | Runs |");
        text.AppendLine("| --- | ---: | --- |");
        foreach (string step in endToEnd[0].Run.Steps.Select(s => s.Step))
        {
            double[] values = endToEnd.Select(r => r.Run.Steps.First(s => s.Step == step).Seconds ?? double.NaN).ToArray();
            text.AppendLine($"| {step} | {Median(values):0.000} s | {Runs(values, "0.000")} |");
        }

        text.AppendLine();
        text.AppendLine("Core steps called directly (medians):");
        text.AppendLine();
        text.AppendLine("| Step | Median | Runs |");
        text.AppendLine("| --- | ---: | --- |");
        foreach (string step in direct[0].Phases.Select(p => p.Name))
        {
            double[] values = direct.Select(r => r.Phases.First(p => p.Name == step).Seconds).ToArray();
            text.AppendLine($"| {step} | {Median(values):0.000} s | {Runs(values, "0.000")} |");
        }

        text.AppendLine();
        text.AppendLine("Bare phases (medians):");
        text.AppendLine();
        text.AppendLine($"| Phase | {string.Join(" | ", variants.Select(v => v.Name))} |");
        text.AppendLine($"| --- | {string.Join(" | ", variants.Select(_ => "---:"))} |");
        foreach (string phase in bare[variants[1]][0].Phases.Select(p => p.Name))
        {
            text.AppendLine($"| {phase} | {string.Join(" | ", variants.Select(v => bare[v][0].Phases.Any(p => p.Name == phase)
                ? $"{Median(bare[v].Select(r => r.Phases.First(p => p.Name == phase).Seconds)):0.000} s"
                : "—"))} |");
        }

        text.AppendLine();
        IEnumerable<string> planned = bare[variants[0]][0].Candidates.Select(c => c.Configuration);
        bool sameCandidates = endToEnd.All(r => r.Run.Candidates.Where(c => c.State != "Skipped").Select(c => c.Configuration).SequenceEqual(planned));
        string winner = bare[variants[0]][0].ChosenId;
        double metric = bare[variants[0]][0].TestMetric;
        bool sameChoice = endToEnd.All(r => r.Run.ChosenId == winner) && direct.All(r => r.ChosenId == winner)
            && bare.Values.SelectMany(v => v).All(b => b.ChosenId == winner);
        bool sameMetric = endToEnd.All(r => Math.Abs(r.Run.TestMetric - metric) < 1e-9) && direct.All(r => Math.Abs(r.TestMetric - metric) < 1e-9)
            && bare.Values.SelectMany(v => v).All(b => Math.Abs(b.TestMetric - metric) < 1e-9);
        text.AppendLine($"Checks: same candidates in both paths: {Yes(sameCandidates)} ({string.Join("; ", planned)}); " +
            $"same winner: {Yes(sameChoice)} ({bare[variants[0]][0].ChosenId}); same test {spec.Task switch { ModelTask.Regression => "RMSE", ModelTask.Multiclass => "micro accuracy", _ => "AUC" }}: " +
            $"{Yes(sameMetric)} ({bare[variants[0]][0].TestMetric:0.######}); every end-to-end run a first version (no champion to score).");
        return text.ToString();
    }

    static string Yes(bool value) => value ? "yes" : "**no**";

    /// <summary>
    /// How many times the dataset snapshot was read: each DatasetStore read sends two HEADs to it (its own GetProperties
    /// and OpenRead's), then one GET per 4 MB.
    /// </summary>
    static double DatasetReads(StorageRequests requests, string datasetBlob) => requests.To("HEAD", datasetBlob) / 2.0;

    static string Others(List<CpuTime> measured) => Runs(measured.Select(c => c.Others), "0.0") + " s";

    static string Cpu(List<CpuTime> measured) =>
        $"{Median(measured.Select(c => c.Process)):0.0} + {Median(measured.Select(c => c.Children)):0.0} s";

    static string Runs(IEnumerable<double> values, string format = "0.00") =>
        string.Join(" / ", values.Select(v => v.ToString(format, CultureInfo.InvariantCulture)));

}
