using BenchmarkDotNet.Running;
using MlopsServerless.Benchmarks.Monitoring;
using MlopsServerless.Benchmarks.Orchestration;
using MlopsServerless.Benchmarks.Serving;
using MlopsServerless.Benchmarks.TypedColumns;

// `typed-columns [--rows N] [--runs N]`: issue 6's platform vs bare ML.NET benchmark (it starts itself again as
// `--typed-columns platform|bare FILE` per measured run). `orchestration [--rows N] [--runs N]`: issue 7's local host vs
// bare ML.NET benchmark. `serving [--duration S] [--warm-up S] [--rounds N] [--rate R]`: issue 8's predict under load vs a
// constant-JSON endpoint and plain ML.NET (run-serving.sh; it starts itself again as `--serving-load …`, the fixed-rate
// generator). `drift-report [--rows N] [--runs N]`: issue 9's drift report over logged rows. Anything else goes to
// BenchmarkDotNet.
return args switch
{
    [TypedColumnsBenchmark.ChildCommand, var path, var csv] => TypedColumnsBenchmark.RunChild(path, csv),
    [TypedColumnsBenchmark.ParentCommand, .. var options] => TypedColumnsBenchmark.RunParent(options),
    [OrchestrationBenchmark.Command, .. var options] => OrchestrationBenchmark.Run(options),
    [ServingBenchmark.Command, .. var options] => ServingBenchmark.Run(options),
    [OpenLoopLoad.ChildCommand, .. var options] => OpenLoopLoad.RunChild(options),
    [DriftReportBenchmark.Command, .. var options] => DriftReportBenchmark.Run(options),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(MlopsServerless.Benchmarks.ServingBenchmarks).Assembly).Run(args);
    return 0;
}
