using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MlopsServerless.Benchmarks.Orchestration;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Demo;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Storage;
using MlopsServerless.LocalHost;

using static MlopsServerless.Benchmarks.BenchmarkRun;

namespace MlopsServerless.Benchmarks.Serving;

/// <summary>
/// Issue 8's benchmark: <c>POST /api/models/{model}/predict</c> through the local host (Azurite, the demo model trained
/// to a champion through an upload) under wrk, beside a bare Kestrel endpoint in the same process that answers a
/// constant JSON of the same size; the single-row p99 at half the measured load with a fixed-rate generator; and the
/// 100-row batch's rows a second beside plain ML.NET scoring the same rows with the champion's zip in this process.
/// <code>
/// tests/MlopsServerless.Benchmarks/run-serving.sh [--duration 15] [--warm-up 5] [--rounds 3] [--rate N] [--quiet-patience 60]
/// </code>
/// </summary>
public static class ServingBenchmark
{
    public const string Command = "serving";
    const string Model = "serving-demo";
    const int TrainingRows = 2000;
    const int TrainingSeed = 7;
    const int BatchRows = 100;
    const int RequestSeed = 99;
    static readonly TimeSpan LogPatience = TimeSpan.FromMinutes(5);

    public static int Run(string[] args)
    {
        var options = new ServingOptions(
            TimeSpan.FromSeconds(Option(args, "--duration", 15)),
            TimeSpan.FromSeconds(Option(args, "--warm-up", 5)),
            (int)Option(args, "--rounds", 3),
            Array.IndexOf(args, "--rate") >= 0 ? Option(args, "--rate", 0) : null,
            TimeSpan.FromSeconds(Option(args, "--quiet-patience", 60)),
            Array.IndexOf(args, "--log-buffer") >= 0 ? (int)Option(args, "--log-buffer", 0) : null);
        return RunAsync(options).GetAwaiter().GetResult();
    }

    static async Task<int> RunAsync(ServingOptions options)
    {
        if (!Wrk.Available())
        {
            Console.Error.WriteLine("wrk is not installed: run tests/MlopsServerless.Benchmarks/run-serving.sh (it installs the Debian package) or `apt-get install -y wrk`.");
            return 1;
        }

        string loadBefore = LoadAverage();
        Console.WriteLine($"Load average before: {loadBefore}");
        await using LocalHostPath host = await LocalHostPath.StartAsync(verboseLogs: false, new Dictionary<string, string?>
        {
            [LocalHostOptions.BlobPollMillisecondsKey] = $"{new LocalHostOptions().BlobPollMilliseconds}", // the local host's default, as run-local.sh runs it
            ["Logging:LogLevel:DurableTask.AzureStorage"] = "Warning",
            // A full buffer warns every 1,000 dropped requests; the report counts them instead.
            [$"Logging:Console:LogLevel:{typeof(PredictionLogBuffer).FullName}"] = "Error",
            [SettingKeys.PredictionLogBufferSize] = options.LogBuffer is { } size ? $"{size}" : null,
        }.Where(s => s.Value is not null).ToDictionary());

        // The demo model, trained to a champion as a user would: an upload to training-data/, then the orchestration.
        string csv = Path.Combine(Path.GetTempPath(), $"servebench-demo-{TrainingRows}-{TrainingSeed}.csv");
        await File.WriteAllTextAsync(csv, new DemoDataset(TrainingRows, TrainingSeed).ToCsv());
        EndToEndRun trained = await host.RunAsync(Model, csv);
        Console.WriteLine($"Trained {Model} to a champion in {trained.Seconds:0.0} s: {trained.ChosenId}, test metric {trained.TestMetric:0.####}");

        IReadOnlyList<IReadOnlyDictionary<string, object?>> rows = new DemoDataset(BatchRows, RequestSeed).RequestRows();
        string single = JsonSerializer.Serialize(rows[0]);
        string batch = JsonSerializer.Serialize(rows);
        var predict = new Uri(host.BaseAddress, $"api/models/{Model}/predict");
        byte[] singleAnswer = await AnswerAsync(predict, single);
        byte[] batchAnswer = await AnswerAsync(predict, batch);
        await using ConstantJsonEndpoint constant = await ConstantJsonEndpoint.StartAsync(new Dictionary<string, byte[]>
        {
            ["single"] = singleAnswer,
            ["batch"] = batchAnswer,
        });
        Scenario[] scenarios =
        [
            new("constant JSON, single-row answer", new Uri(constant.BaseAddress, "single"), single, 1, Predict: false),
            new("predict, 1 row", predict, single, 1, Predict: true),
            new("constant JSON, 100-row answer", new Uri(constant.BaseAddress, "batch"), batch, BatchRows, Predict: false),
            new("predict, 100 rows", predict, batch, BatchRows, Predict: true),
        ];
        Console.WriteLine($"Bodies: 1 row {single.Length} B, {BatchRows} rows {batch.Length} B; answers: {singleAnswer.Length} B and {batchAnswer.Length} B " +
            $"(the constant endpoint answers the same bytes)");

        PredictionLogBuffer logBuffer = host.Services.GetRequiredService<PredictionLogBuffer>();
        using var served = new ServedRequests();
        var results = scenarios.ToDictionary(s => s, _ => new List<ScenarioRun>());
        var quietWaits = new List<double?>();
        for (int round = 1; round <= options.Rounds; round++)
        {
            // Within each answer size, the constant endpoint and predict take turns going first.
            foreach (Scenario scenario in round % 2 == 1 ? scenarios : [scenarios[1], scenarios[0], scenarios[3], scenarios[2]])
            {
                quietWaits.Add(await QuietAsync(options));
                await Wrk.RunAsync(scenario.Url, scenario.Body, options.WarmUp);
                await DrainAsync(scenario, served, logBuffer);
                ScenarioRun run = await MeasureAsync(scenario, options.Duration, served, logBuffer);
                results[scenario].Add(run);
                Console.WriteLine($"round {round} {scenario.Name,-36} {run.Wrk.RequestsPerSecond,9:N0} req/s  p50 {run.Wrk.P50Ms,6:0.00} ms  p99 {run.Wrk.P99Ms,7:0.00} ms  " +
                    $"errors {run.Wrk.Errors}  cores host {run.Cpu.PerSecond.Host:0.00} azurite {run.Cpu.PerSecond.Azurite:0.00} " +
                    $"wrk {run.Cpu.PerSecond.LoadGenerator:0.00} others {run.Cpu.PerSecond.Others:0.00}" +
                    (run.Log is { } log ? $"  log: {log.Written:N0} written, {log.Dropped:N0} dropped, drained {log.DrainSeconds:0.0} s after" : ""));
            }
        }

        double predictRate = Median(results[scenarios[1]].Select(r => r.Wrk.RequestsPerSecond));
        double rate = options.Rate ?? Math.Round(predictRate / 2);
        var halfLoad = new Dictionary<Scenario, HalfLoadRun>();
        foreach (Scenario scenario in new[] { scenarios[0], scenarios[1] })
        {
            quietWaits.Add(await QuietAsync(options));
            CpuSplit.Snapshot before = CpuSplit.Now();
            using var requests = new StorageRequests();
            OpenLoopResult result = await OpenLoopLoad.RunAsync(scenario.Url, scenario.Body, rate, options.WarmUp, options.Duration);
            requests.Stop();
            CpuSplit cpu = CpuSplit.Now().Since(before);
            halfLoad[scenario] = new HalfLoadRun(result, cpu, requests.ByResource.ToDictionary());
            await DrainAsync(scenario, served, logBuffer);
            Console.WriteLine($"fixed rate {rate:N0}/s {scenario.Name,-36} p50 {result.P50Ms:0.00} ms  p99 {result.P99Ms:0.00} ms  p99.9 {result.P999Ms:0.00} ms  " +
                $"max {result.MaxMs:0.0} ms  (from send: p99 {result.SentP99Ms:0.00} ms; send lag p99 {result.LagP99Ms:0.00} ms)  errors {result.Errors}  " +
                $"in flight ≤ {result.MaxInFlight}");
        }

        var probes = new Dictionary<Scenario, ProbeResult>();
        foreach ((Scenario scenario, int calls) in new[] { (scenarios[1], 20_000), (scenarios[3], 2_000) })
        {
            quietWaits.Add(await QuietAsync(options));
            ProbeResult probe = await RequestPathProbe.MeasureAsync(host, Model, scenario.Body, calls);
            probes[scenario] = probe;
            await DrainAsync(scenario, served, logBuffer);
            Console.WriteLine($"in process, one thread, {scenario.Name}: Core PredictAsync {probe.Core.WallMicroseconds:0.0} µs, " +
                $"the function method {probe.Function.WallMicroseconds:0.0} µs, " +
                $"the local host's predict endpoint without Kestrel {probe.Endpoint.WallMicroseconds:0.0} µs ({probe.Endpoint.CpuMicroseconds:0.0} µs process CPU, {probe.Endpoint.AllocatedBytes:N0} B allocated)");
        }

        RawScoringRun raw = await MeasureRawAsync(host, rows, batchAnswer, options);
        Console.WriteLine($"raw ML.NET on the champion's zip: {raw.OneThread:N0} rows/s on 1 thread, {raw.AllThreads:N0} rows/s on {raw.Threads} threads " +
            $"(CreateEnumerable, 1 thread: {raw.CreateEnumerable:N0}); same predictions as predict's batch answer: {raw.SamePredictions}");

        string loadAfter = LoadAverage();
        Console.WriteLine($"Load average after: {loadAfter}");
        Console.WriteLine();
        Console.WriteLine("----- RESULTS.md section -----");
        Console.WriteLine(ServingReport.Markdown(new ServingReport.Inputs(options, scenarios, results, rate, options.Rate is null, halfLoad, probes, raw,
            trained, singleAnswer.Length, batchAnswer.Length, single.Length, batch.Length, loadBefore, loadAfter, quietWaits)));
        return 0;
    }

    static async Task<ScenarioRun> MeasureAsync(Scenario scenario, TimeSpan duration, ServedRequests served, PredictionLogBuffer logBuffer)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        (long written, long dropped) = (logBuffer.Written, logBuffer.Dropped);
        int gcBefore = GC.CollectionCount(0);
        int gen2Before = GC.CollectionCount(2);
        TimeSpan pausedBefore = GC.GetTotalPauseDuration();
        Dictionary<int, (string Name, double Seconds)> threadsBefore = ThreadCpu.Snapshot();
        CpuSplit.Snapshot before = CpuSplit.Now();
        WrkResult wrk;
        ThreadPoolLoad pool;
        using var requests = new StorageRequests();
        using (var sampler = new ThreadPoolSampler())
        {
            wrk = await Wrk.RunAsync(scenario.Url, scenario.Body, duration);
            pool = sampler.Stop();
        }

        requests.Stop();

        CpuSplit.Snapshot after = CpuSplit.Now();
        CpuSplit cpu = after.Since(before);
        Dictionary<string, double> threads = ThreadCpu.Difference(ThreadCpu.Snapshot(), threadsBefore);
        GCMemoryInfo lastEphemeral = GC.GetGCMemoryInfo(GCKind.Ephemeral);
        var gc = new GcActivity(GC.CollectionCount(0) - gcBefore, GC.CollectionCount(2) - gen2Before, (GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds,
            lastEphemeral.PromotedBytes, GC.GetGCMemoryInfo().HeapSizeBytes);
        LogDelta? log = null;
        if (scenario.Predict)
        {
            // What is left in the buffer when wrk ends is written with nothing else running in this process: the log's own cost.
            long writtenAtEnd = logBuffer.Written;
            double drain = await served.WaitForLogAsync(logBuffer, LogPatience);
            log = new LogDelta(logBuffer.Written - written, logBuffer.Dropped - dropped, drain, logBuffer.Written - writtenAtEnd, CpuSplit.Now().Since(after));
        }

        return new ScenarioRun(wrk, cpu, threads, gc, pool, log, requests.ByResource.ToDictionary());
    }

    /// <summary>After predict, waits until the log buffer has written everything served, so the next measurement does not pay for it.</summary>
    static async Task DrainAsync(Scenario scenario, ServedRequests served, PredictionLogBuffer logBuffer)
    {
        if (scenario.Predict)
        {
            await served.WaitForLogAsync(logBuffer, LogPatience);
        }
    }

    static async Task<double?> QuietAsync(ServingOptions options)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return await CpuTime.WaitForQuietAsync(options.QuietPatience);
    }

    static async Task<RawScoringRun> MeasureRawAsync(LocalHostPath host, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, byte[] batchAnswer,
        ServingOptions options)
    {
        ModelRegistry registry = host.Services.GetRequiredService<ModelRegistry>();
        Champion champion = await registry.GetChampionAsync(Model, CancellationToken.None) ?? throw new InvalidOperationException($"{Model} has no champion.");
        ModelVersion version = await registry.GetVersionAsync(Model, champion.Version, CancellationToken.None)
            ?? throw new InvalidOperationException($"{Model} v{champion.Version} is not registered.");
        byte[] zip = (await host.Services.GetRequiredService<StorageClients>().Blob(version.ArtifactBlob).DownloadContentAsync()).Value.Content.ToArray();
        var raw = new RawMlNetScoring(zip, rows);

        JsonArray answered = JsonNode.Parse(batchAnswer)!["predictions"]!.AsArray();
        IReadOnlyList<(bool Label, float Probability)> scored = raw.Score();
        double difference = scored.Select((s, i) => Math.Abs(s.Probability - answered[i]!["probability"]!.GetValue<double>())).Max();
        bool same = scored.Count == answered.Count && scored.Select((s, i) => s.Label == answered[i]!["predictedLabel"]!.GetValue<bool>()).All(x => x)
            && difference < 1e-6;

        int threads = Environment.ProcessorCount;
        var others = new List<double>();
        async Task<double> Measure(Func<double> run)
        {
            await QuietAsync(options);
            CpuSplit.Snapshot before = CpuSplit.Now();
            double rowsPerSecond = run();
            others.Add(CpuSplit.Now().Since(before).PerSecond.Others);
            return rowsPerSecond;
        }

        double one = await Measure(() => raw.RowsPerSecond(1, options.Duration));
        double all = await Measure(() => raw.RowsPerSecond(threads, options.Duration));
        double objects = await Measure(() => raw.RowsPerSecond(1, options.Duration, createEnumerable: true));
        return new RawScoringRun(one, all, objects, threads, same, difference, zip.Length, others);
    }

    static async Task<byte[]> AnswerAsync(Uri url, string body)
    {
        using var http = new HttpClient();
        using var content = new StringContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using HttpResponseMessage response = await http.PostAsync(url, content);
        byte[] answer = await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode
            ? answer
            : throw new InvalidOperationException($"predict answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(answer)}");
    }

}

/// <summary>The command's options; <see cref="LogBuffer"/> (diagnostic) replaces the prediction log buffer's size.</summary>
public sealed record ServingOptions(TimeSpan Duration, TimeSpan WarmUp, int Rounds, double? Rate, TimeSpan QuietPatience, int? LogBuffer);

/// <summary>One endpoint under wrk: its URL, body and rows per request; <see cref="Predict"/> for the local host's route.</summary>
public sealed record Scenario(string Name, Uri Url, string Body, int RowsPerRequest, bool Predict);

/// <summary>
/// One measured wrk run: wrk's numbers, who used the CPU, this process's CPU by thread name, its GCs and thread pool,
/// (predict) the log's work, and the storage requests the host sent meanwhile (by method and table or container).
/// </summary>
public sealed record ScenarioRun(WrkResult Wrk, CpuSplit Cpu, Dictionary<string, double> Threads, GcActivity Gc, ThreadPoolLoad Pool, LogDelta? Log,
    Dictionary<string, int> StorageRequests);

/// <summary>Collections during a run (gen 0 includes the others), the time the GC paused the process, what the run's last gen-0/1 collection promoted, and the heap after the last collection.</summary>
public sealed record GcActivity(int Gen0Collections, int Gen2Collections, double PauseMs, long LastEphemeralPromotedBytes, long HeapBytes);

/// <summary>
/// Requests written to (and dropped from) the prediction log from the run's start until the buffer was empty, how long
/// after wrk ended that was, and the requests written in that drain with the CPU it used (nothing else running).
/// </summary>
public sealed record LogDelta(long Written, long Dropped, double DrainSeconds, long DrainWritten, CpuSplit DrainCpu)
{
    public double DrainRate => DrainWritten / DrainSeconds;

    public double HostMicrosecondsPerEntry => DrainCpu.Host / DrainWritten * 1e6;

    public double AzuriteMicrosecondsPerEntry => DrainCpu.Azurite / DrainWritten * 1e6;
}

/// <summary>One fixed-rate run (warm-up included in <see cref="Cpu"/> and <see cref="StorageRequests"/>).</summary>
public sealed record HalfLoadRun(OpenLoopResult Result, CpuSplit Cpu, Dictionary<string, int> StorageRequests);

/// <summary>Plain ML.NET on the champion's zip: rows a second on 1 thread and on all cores, with CreateEnumerable; whether it agrees with predict.</summary>
public sealed record RawScoringRun(double OneThread, double AllThreads, double CreateEnumerable, int Threads, bool SamePredictions, double MaxDifference,
    int ZipBytes, IReadOnlyList<double> OtherCores);
