using System.Text;
using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Tests.Datasets;

internal static class Csv
{
    public static RawTable Read(string text) => CsvTableReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    /// <summary>A header and <paramref name="rows"/> rows made by <paramref name="row"/>(index).</summary>
    public static string Build(string header, int rows, Func<int, string> row) =>
        header + "\n" + string.Join("\n", Enumerable.Range(0, rows).Select(row)) + "\n";
}
