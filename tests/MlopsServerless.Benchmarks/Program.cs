using BenchmarkDotNet.Running;
using MlopsServerless.Benchmarks.TypedColumns;

// `typed-columns [--rows N] [--runs N]`: issue 6's platform vs bare ML.NET benchmark (it starts itself again as
// `--typed-columns platform|bare FILE` per measured run). Anything else goes to BenchmarkDotNet.
return args switch
{
    [TypedColumnsBenchmark.ChildCommand, var path, var csv] => TypedColumnsBenchmark.RunChild(path, csv),
    [TypedColumnsBenchmark.ParentCommand, .. var options] => TypedColumnsBenchmark.RunParent(options),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
