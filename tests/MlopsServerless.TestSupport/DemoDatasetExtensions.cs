using System.Text;
using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Datasets.Csv;
using MlopsServerless.Core.Demo;

namespace MlopsServerless.TestSupport;

public static class DemoDatasetExtensions
{
    /// <summary>The demo CSV validated and read as the platform does (spec inferred; trainer overridable), ready to train on.</summary>
    public static PreparedDataset Prepare(this DemoDataset demo, TrainerKind? trainer = null) =>
        Csv.Prepare(demo.ToCsv(), trainer is null ? null : new ModelSpecDocument { Trainer = trainer });
}

/// <summary>CSV text through the platform's own validation and reader.</summary>
public static class Csv
{
    public static ValidationResult Validate(string text, ModelSpecDocument? document = null, TrainingOptions? options = null) =>
        new DatasetValidator().ValidateAsync(Stream(text), document, options ?? new TrainingOptions(), CancellationToken.None)
            .GetAwaiter().GetResult();

    public static PreparedDataset Prepare(string text, ModelSpecDocument? document = null, TrainingOptions? options = null)
    {
        ValidationResult result = Validate(text, document, options);
        return result.IsValid
            ? DatasetReader.Read(Stream(text), result.Spec!, result.Dialect ?? CsvDialect.Default)
            : throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Column} {e.Row}: {e.Message}")));
    }

    public static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>A header and <paramref name="rows"/> rows made by <paramref name="row"/>(index).</summary>
    public static string Build(string header, int rows, Func<int, string> row) =>
        header + "\n" + string.Join("\n", Enumerable.Range(0, rows).Select(row)) + "\n";
}
