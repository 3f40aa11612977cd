namespace MlopsServerless.Core.Drift.Statistics;

/// <summary>A statistic's value and, for a hypothesis test, its p-value (null for a distance).</summary>
public readonly record struct TestStatistic(double Value, double? PValue = null);
