namespace MlopsServerless.Core.Datasets;

/// <summary>A CSV as read: the header and the cells of each data row (row numbers in messages count the header as row 1).</summary>
public sealed record RawTable(IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows);
