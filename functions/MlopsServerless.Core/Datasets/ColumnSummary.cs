namespace MlopsServerless.Core.Datasets;

public sealed record ColumnSummary(string Name, string Role, int Missing, double? Min, double? Max, double? Mean, int? DistinctValues);
