namespace MlopsServerless.Core.Datasets;

/// <summary>One problem found in a dataset: where (column and/or CSV row, header = row 1) and what.</summary>
public sealed record ValidationIssue(string Message, string? Column = null, int? Row = null);
