namespace MlopsServerless.Core.Datasets.Inference;

/// <summary>A column's kind as inferred from its statistics, with the reason in words a data team can act on.</summary>
public sealed record InferredColumn(ColumnKind Kind, string Reason);
