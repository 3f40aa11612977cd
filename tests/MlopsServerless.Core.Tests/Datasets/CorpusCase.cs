using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Datasets.Csv;

namespace MlopsServerless.Core.Tests.Datasets;

/// <summary>
/// What a corpus file must come to: trained with exactly these columns (kind and role, in file order) and task, or
/// rejected with this first error. <c>{file minus .csv}.model.json</c> beside the file, when there, is its model.json.
/// </summary>
public sealed record CorpusCase(string File, ModelTask? Task, IReadOnlyList<ExpectedColumn> Columns, ExpectedError? Error)
{
    public CsvDialect? Dialect { get; init; }
    public int? LabelledRows { get; init; }

    public bool Trains => Error is null;

    public ExpectedColumn Label => Columns.Single(c => c.Role == ColumnReport.LabelRole);

    public IEnumerable<FeatureColumn> Features =>
        Columns.Where(c => c.Role == ColumnReport.FeatureRole).Select(c => new FeatureColumn(c.Name, c.Kind));

    public string? SpecFile => System.IO.File.Exists(CorpusFiles.PathOf(File.Replace(".csv", ".model.json")))
        ? File.Replace(".csv", ".model.json")
        : null;

    public override string ToString() => File;
}

public sealed record ExpectedColumn(string Name, ColumnKind Kind, string Role, int? Missing = null);

/// <summary>The first error's column and row (null where the error has none) and words its message must hold.</summary>
public sealed record ExpectedError(string? Column, int? Row, params string[] MessageFragments);

public static class CorpusFiles
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "Datasets", "Corpus");

    public static string PathOf(string file) => Path.Combine(Directory, file);
}
