using System.Globalization;
using System.Text;
using MlopsServerless.Benchmarks.Orchestration;

using static MlopsServerless.Benchmarks.BenchmarkRun;

namespace MlopsServerless.Benchmarks.Serving;

/// <summary>The run as a RESULTS.md section: the numbers, the ratios against issue 8's goals, and where the CPU went.</summary>
public static class ServingReport
{
    public const double ThroughputGoal = 0.6;
    public const double P99GoalMs = 5;
    public const double BatchGoal = 0.8;

    public sealed record Inputs(
        ServingOptions Options,
        IReadOnlyList<Scenario> Scenarios,
        IReadOnlyDictionary<Scenario, List<ScenarioRun>> Runs,
        double HalfRate,
        bool HalfRateMeasured,
        IReadOnlyDictionary<Scenario, HalfLoadRun> HalfLoad,
        IReadOnlyDictionary<Scenario, ProbeResult> Probes,
        RawScoringRun Raw,
        EndToEndRun Trained,
        int SingleAnswerBytes,
        int BatchAnswerBytes,
        int SingleBodyBytes,
        int BatchBodyBytes,
        string LoadBefore,
        string LoadAfter,
        IReadOnlyList<double?> QuietWaits);

    public static string Markdown(Inputs r)
    {
        Scenario constantOne = r.Scenarios[0], predictOne = r.Scenarios[1], constantBatch = r.Scenarios[2], predictBatch = r.Scenarios[3];
        double Rps(Scenario s) => Median(r.Runs[s].Select(x => x.Wrk.RequestsPerSecond));
        var text = new StringBuilder();
        IEnumerable<ScenarioRun> all = r.Runs.Values.SelectMany(v => v);
        text.AppendLine($"### {DateTime.UtcNow:yyyy-MM-dd}, development machine");
        text.AppendLine();
        text.AppendLine($"{MachineDescription()}; Azurite runs as a child process on the same cores. Code at `{MachineState.Commit()}`. " +
            $"Load average (1, 5, 15 min) before: {r.LoadBefore}, after: {r.LoadAfter}; other processes used " +
            $"{Range(all.Select(x => x.Cpu.PerSecond.Others))} cores during the measured wrk runs; waited for under 0.1 core of other work before each run: " +
            $"{string.Join(" / ", r.QuietWaits.Select(w => w is { } s ? $"{s:0}" : "never"))} s.");
        text.AppendLine();
        if (r.Options.LogBuffer is { } buffer)
        {
            text.AppendLine($"**Diagnostic run: the prediction log buffer holds {buffer:N0} requests instead of the default** (more are served but not logged).");
            text.AppendLine();
        }

        text.AppendLine($"wrk {Wrk.Threads} threads, {Wrk.Connections} connections; each run: {r.Options.WarmUp.TotalSeconds:0} s warm-up, then " +
            $"{r.Options.Duration.TotalSeconds:0} s measured; {r.Options.Rounds} round(s), constant and predict taking turns first. Model: the demo data " +
            $"(2,000 rows, seed 7) uploaded to `training-data/`, trained through the orchestration: {r.Trained.ChosenId}, test metric {r.Trained.TestMetric:0.####}. " +
            $"Bodies: 1 row {r.SingleBodyBytes} B, 100 rows {r.BatchBodyBytes:N0} B; answers {r.SingleAnswerBytes} B and {r.BatchAnswerBytes:N0} B (the constant endpoint " +
            "sends the same bytes; the wire column adds the headers).");
        text.AppendLine();
        text.AppendLine("| Endpoint (wrk, closed loop) | Requests/s (median) | Runs | Rows/s | p50 | p99 | Errors | Bytes/answer on the wire | CPU per request: host + Azurite | Cores: host / Azurite / wrk / others |");
        text.AppendLine("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (Scenario s in r.Scenarios)
        {
            List<ScenarioRun> runs = r.Runs[s];
            text.AppendLine($"| {(s.Predict ? $"**{s.Name}**" : s.Name)} | {Rps(s):N0} | {Runs(runs.Select(x => x.Wrk.RequestsPerSecond), "N0")} | " +
                $"{(s.Predict ? $"{Rps(s) * s.RowsPerRequest:N0}" : "—")} | {Median(runs.Select(x => x.Wrk.P50Ms)):0.00} ms | {Median(runs.Select(x => x.Wrk.P99Ms)):0.00} ms | " +
                $"{runs.Sum(x => x.Wrk.Errors)} | {Median(runs.Select(x => x.Wrk.BytesPerResponse)):0} | " +
                $"{Median(runs.Select(x => x.Cpu.Host / x.Wrk.Requests * 1e6)):0} + {Median(runs.Select(x => x.Cpu.Azurite / x.Wrk.Requests * 1e6)):0} µs | " +
                $"{Median(runs.Select(x => x.Cpu.PerSecond.Host)):0.00} / {Median(runs.Select(x => x.Cpu.PerSecond.Azurite)):0.00} / " +
                $"{Median(runs.Select(x => x.Cpu.PerSecond.LoadGenerator)):0.00} / {Median(runs.Select(x => x.Cpu.PerSecond.Others)):0.00} |");
        }

        OpenLoopResult half = r.HalfLoad[predictOne].Result;
        double throughput = Rps(predictOne) / Rps(constantOne);
        double batchRows = Rps(predictBatch) * predictBatch.RowsPerRequest;
        text.AppendLine();
        text.AppendLine("| Goal | Measured | Ratio | Verdict |");
        text.AppendLine("| --- | --- | ---: | --- |");
        text.AppendLine($"| single-row predict ≥ {ThroughputGoal} × the constant endpoint's requests/s | {Rps(predictOne):N0} vs {Rps(constantOne):N0} req/s | " +
            $"**{throughput:0.00}×** | {Verdict(throughput >= ThroughputGoal)} |");
        text.AppendLine($"| single-row p99 ≤ {P99GoalMs} ms at half that load ({r.HalfRate:N0} req/s fixed rate{(r.HalfRateMeasured ? ": half predict's median above" : ", set by --rate")}) | " +
            $"p99 {half.P99Ms:0.00} ms from the scheduled send ({half.SentP99Ms:0.00} ms from the actual send) | | {Verdict(half.P99Ms <= P99GoalMs && half.Errors == 0)} |");
        text.AppendLine($"| 100-row batch ≥ {BatchGoal} × plain ML.NET scoring of the same rows, same process | {batchRows:N0} rows/s vs {r.Raw.AllThreads:N0} " +
            $"({r.Raw.Threads} threads) and {r.Raw.OneThread:N0} (1 thread) | **{batchRows / r.Raw.AllThreads:0.00}×** ({batchRows / r.Raw.OneThread:0.00}× vs 1 thread) | " +
            $"{Verdict(batchRows / r.Raw.AllThreads >= BatchGoal)} against all cores, {Verdict(batchRows / r.Raw.OneThread >= BatchGoal)} against 1 thread |");
        text.AppendLine();
        text.AppendLine($"Fixed rate (open loop, a child process; latency from each request's scheduled time; warm-up {r.Options.WarmUp.TotalSeconds:0} s, then " +
            $"{r.Options.Duration.TotalSeconds:0} s measured):");
        text.AppendLine();
        text.AppendLine("| Endpoint at the same rate | Requests | p50 | p90 | p99 | p99.9 | max | p99 from the actual send | sender lateness p99 | Errors | Most in flight | Cores: host / Azurite / generator / others |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach ((Scenario s, HalfLoadRun run) in r.HalfLoad)
        {
            OpenLoopResult o = run.Result;
            CpuSplit c = run.Cpu.PerSecond;
            text.AppendLine($"| {s.Name} at {o.Rate:N0}/s | {o.Completed:N0} | {o.P50Ms:0.00} ms | {o.P90Ms:0.00} ms | **{o.P99Ms:0.00} ms** | {o.P999Ms:0.00} ms | " +
                $"{o.MaxMs:0.0} ms | {o.SentP99Ms:0.00} ms | {o.LagP99Ms:0.00} ms | {o.Errors} | {o.MaxInFlight} | " +
                $"{c.Host:0.00} / {c.Azurite:0.00} / {c.LoadGenerator:0.00} / {c.Others:0.00} |");
        }

        text.AppendLine();
        text.AppendLine($"Plain ML.NET on the champion's zip ({r.Raw.ZipBytes / 1024.0:0} KiB), the same {predictBatch.RowsPerRequest} rows as typed objects, in this process " +
            $"while the host idled; {r.Options.Duration.TotalSeconds:0} s each after as long again of warm-up. Same predictions as predict's 100-row answer " +
            $"(labels equal, probabilities within 1e-6): {(r.Raw.SamePredictions ? "yes" : "**no**")} (largest difference {r.Raw.MaxDifference:0.0e0}). " +
            $"Other processes used {Range(r.Raw.OtherCores)} cores meanwhile.");
        text.AppendLine();
        text.AppendLine("| Plain ML.NET | Rows/s | predict's 100-row batch ÷ this |");
        text.AppendLine("| --- | ---: | ---: |");
        text.AppendLine($"| `Transform` + cursor, 1 thread | {r.Raw.OneThread:N0} | {batchRows / r.Raw.OneThread:0.00}× |");
        text.AppendLine($"| `Transform` + cursor, {r.Raw.Threads} threads | {r.Raw.AllThreads:N0} | {batchRows / r.Raw.AllThreads:0.00}× |");
        text.AppendLine($"| `Transform` + `CreateEnumerable`, 1 thread | {r.Raw.CreateEnumerable:N0} | {batchRows / r.Raw.CreateEnumerable:0.00}× |");
        text.AppendLine();
        text.AppendLine("Prediction log during the measured predict runs: requests written to the table, dropped, how long after wrk ended the buffer " +
            "was empty, and the rate it was written at in that drain (the flush alone): " +
            string.Join("; ", new[] { predictOne, predictBatch }.Select(s => $"{s.Name}: " + string.Join(" / ", r.Runs[s].Select(x =>
                x.Log is { } log ? $"{log.Written:N0} written, {log.Dropped:N0} dropped, {log.DrainSeconds:0.0} s, {log.DrainRate:N0}/s" : "?")))) + ".");
        text.AppendLine();
        text.AppendLine("Where a predict request's CPU goes, µs per request (one thread calling back to back in this process, no sockets; medians of the runs for the rest):");
        text.AppendLine();
        text.AppendLine($"| µs per request | {predictOne.Name} | {predictBatch.Name} |");
        text.AppendLine("| --- | ---: | ---: |");
        string Both(Func<Scenario, string> cell) => $"{cell(predictOne)} | {cell(predictBatch)}";
        string Drain(Scenario s, Func<LogDelta, double> value) =>
            r.Runs[s].Where(x => x.Log is { DrainWritten: > 0 }).Select(x => value(x.Log!)).ToArray() is { Length: > 0 } v ? $"{Median(v):0}" : "—";
        text.AppendLine($"| Core: `PredictionService.PredictAsync`, body already parsed (wall) | {Both(s => $"{r.Probes[s].Core.WallMicroseconds:0.0}")} |");
        text.AppendLine($"| the function method `PredictionApi.Predict`: body read and parsed, Core, the result object (wall) | " +
            $"{Both(s => $"{r.Probes[s].Function.WallMicroseconds:0.0}")} |");
        text.AppendLine($"| the local host's predict endpoint without Kestrel: the function class created by reflection, the function, its result written as JSON (wall) | " +
            $"{Both(s => $"{r.Probes[s].Endpoint.WallMicroseconds:0.0}")} |");
        text.AppendLine($"| the same, this process's CPU (the log's flush of those calls, running beside them, included) | {Both(s => $"{r.Probes[s].Endpoint.CpuMicroseconds:0.0}")} |");
        text.AppendLine($"| the same, bytes this process allocated per request (what the gen-0 GCs collect) | {Both(s => $"{r.Probes[s].Endpoint.AllocatedBytes:N0} B")} |");
        text.AppendLine($"| the prediction log's flush alone: host CPU during the drain ÷ requests it wrote | {Both(s => Drain(s, l => l.HostMicrosecondsPerEntry))} |");
        text.AppendLine($"| the same, Azurite's CPU | {Both(s => Drain(s, l => l.AzuriteMicrosecondsPerEntry))} |");
        text.AppendLine($"| **under wrk: host CPU per request** (Kestrel, routing, the endpoint, the flush, GC) | " +
            $"{Both(s => $"**{Median(r.Runs[s].Select(x => x.Cpu.Host / x.Wrk.Requests * 1e6)):0}**")} |");
        text.AppendLine($"| under wrk: the constant endpoint's host CPU per request, same answer size (Kestrel, routing, the socket) | " +
            $"{Median(r.Runs[constantOne].Select(x => x.Cpu.Host / x.Wrk.Requests * 1e6)):0} | {Median(r.Runs[constantBatch].Select(x => x.Cpu.Host / x.Wrk.Requests * 1e6)):0} |");
        text.AppendLine();
        text.AppendLine("Storage requests the host sent while predict was measured (Azure SDK request events, by method and table or container; per run):");
        text.AppendLine();
        foreach (Scenario s in new[] { predictOne, predictBatch })
        {
            text.AppendLine($"- {s.Name} under wrk: {string.Join(" / ", r.Runs[s].Select(x => Requests(x.StorageRequests, x.Wrk.Seconds)))}");
        }

        foreach ((Scenario s, HalfLoadRun run) in r.HalfLoad.Where(h => h.Key.Predict))
        {
            text.AppendLine($"- {s.Name} at {run.Result.Rate:N0}/s (warm-up included): {Requests(run.StorageRequests, run.Cpu.Seconds)}");
        }

        text.AppendLine();
        text.AppendLine("Host process during the wrk runs: CPU by thread name (cores, medians); per run: GCs (all, gen 2), GC pause, what the last gen-0/1 GC promoted, " +
            "the heap after the last GC; thread pool (most threads, most queued work items):");
        text.AppendLine();
        foreach (Scenario s in r.Scenarios)
        {
            List<ScenarioRun> runs = r.Runs[s];
            IEnumerable<string> names = runs.SelectMany(x => x.Threads.Keys).Distinct();
            text.AppendLine($"- {s.Name}: " + string.Join(", ", names
                .Select(n => (Name: n, Cores: Median(runs.Select(x => x.Threads.GetValueOrDefault(n) / x.Cpu.Seconds))))
                .Where(n => n.Cores >= 0.01).OrderByDescending(n => n.Cores).Select(n => $"{n.Name} {n.Cores:0.00}")) +
                $"; GCs {string.Join(" / ", runs.Select(x => $"{x.Gc.Gen0Collections} ({x.Gc.Gen2Collections})"))}, paused {Runs(runs.Select(x => x.Gc.PauseMs), "0")} ms " +
                $"({Runs(runs.Select(x => x.Gc.PauseMs / 10 / x.Cpu.Seconds), "0")} % of the run), promoted {Runs(runs.Select(x => x.Gc.LastEphemeralPromotedBytes / 1048576.0), "0.0")} MiB, " +
                $"heap {Runs(runs.Select(x => x.Gc.HeapBytes / 1048576.0), "0")} MiB; " +
                $"pool {string.Join(" / ", runs.Select(x => $"{x.Pool.MaxThreads} threads, queue ≤ {x.Pool.MaxQueued}"))}");
        }

        return text.ToString();
    }

    static string Requests(IReadOnlyDictionary<string, int> byResource, double seconds) => byResource.Count == 0
        ? "none"
        : string.Join(", ", byResource.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value:N0} ({p.Value / seconds:0.0}/s)"));

    static string Verdict(bool met) => met ? "met" : "**missed**";

    static string Range(IEnumerable<double> values)
    {
        double[] v = values.ToArray();
        return v.Length == 0 ? "?" : $"{v.Min():0.00}–{v.Max():0.00}";
    }

    static string Runs(IEnumerable<double> values, string format) =>
        string.Join(" / ", values.Select(v => v.ToString(format, CultureInfo.InvariantCulture)));

}
