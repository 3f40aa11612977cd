using BenchmarkDotNet.Attributes;
using MlopsServerless.Core.Drift;

namespace MlopsServerless.Benchmarks;

/// <summary>The drift timer's compute per feature: binning 100,000 served values and their PSI.</summary>
[MemoryDiagnoser]
public class DriftBenchmarks
{
    Histogram _reference = null!;
    double[] _served = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _reference = Histogram.Numeric(Enumerable.Range(0, 10_000).Select(_ => random.NextDouble()));
        _served = Enumerable.Range(0, 100_000).Select(_ => random.NextDouble() + 0.1).ToArray();
    }

    [Benchmark]
    public double RebinAndPsi100k() => PopulationStabilityIndex.Compute(_reference.Proportions, _reference.Rebin(_served).Proportions);
}
