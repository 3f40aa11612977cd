using System.Text;
using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Demo;

namespace MlopsServerless.TestSupport;

public static class DemoDatasetExtensions
{
    /// <summary>The demo CSV read and validated as the platform does (spec inferred; trainer overridable), ready to train on.</summary>
    public static PreparedDataset Prepare(this DemoDataset demo, TrainerKind? trainer = null)
    {
        RawTable table = CsvTableReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(demo.ToCsv())));
        ModelSpecDocument? document = trainer is null ? null : new ModelSpecDocument { Trainer = trainer };
        DatasetValidator.Result result = new DatasetValidator().Validate(table, document, new TrainingOptions());
        return result.Dataset ?? throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Message)));
    }
}
