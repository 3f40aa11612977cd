using System.Text;
using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Demo;

namespace MlopsServerless.Benchmarks;

internal static class DemoData
{
    public static PreparedDataset Prepared(int rows, int seed = 1)
    {
        RawTable table = CsvTableReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(new DemoDataset(rows, seed).ToCsv())));
        return new DatasetValidator().Validate(table, null, new TrainingOptions()).Dataset
            ?? throw new InvalidOperationException("The demo data did not validate.");
    }
}
