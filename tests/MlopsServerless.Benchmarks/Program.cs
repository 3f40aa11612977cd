using BenchmarkDotNet.Running;
using MlopsServerless.Benchmarks.Monitoring;
using MlopsServerless.Benchmarks.Orchestration;
using MlopsServerless.Benchmarks.TypedColumns;

// `typed-columns [--rows N] [--runs N]`: issue 6's platform vs bare ML.NET benchmark (it starts itself again as
// `--typed-columns platform|bare FILE` per measured run). `orchestration [--rows N] [--runs N]`: issue 7's local host vs
// bare ML.NET benchmark. `drift-report [--rows N] [--runs N]`: issue 9's drift report over logged rows. Anything else
// goes to BenchmarkDotNet.
return args switch
{
    [TypedColumnsBenchmark.ChildCommand, var path, var csv] => TypedColumnsBenchmark.RunChild(path, csv),
    [TypedColumnsBenchmark.ParentCommand, .. var options] => TypedColumnsBenchmark.RunParent(options),
    [OrchestrationBenchmark.Command, .. var options] => OrchestrationBenchmark.Run(options),
    [DriftReportBenchmark.Command, .. var options] => DriftReportBenchmark.Run(options),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(MlopsServerless.Benchmarks.ServingBenchmarks).Assembly).Run(args);
    return 0;
}
