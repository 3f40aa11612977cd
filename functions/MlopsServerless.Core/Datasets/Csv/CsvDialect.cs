namespace MlopsServerless.Core.Datasets.Csv;

/// <summary>
/// How a file writes its rows: the separator and whether numbers use a decimal comma (<c>3,5</c>), which any separator
/// but the comma allows.
/// </summary>
public sealed record CsvDialect(char Separator, bool DecimalComma)
{
    public static CsvDialect Default { get; } = new(',', false);
}
