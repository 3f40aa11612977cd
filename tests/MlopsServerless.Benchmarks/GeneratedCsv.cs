using System.Globalization;
using System.Text;

namespace MlopsServerless.Benchmarks;

/// <summary>Writing the benchmarks' deterministic synthetic CSVs: once per file name, a row at a time from a seeded generator.</summary>
public static class GeneratedCsv
{
    /// <summary>The file in the temp folder, written (header, then <paramref name="rows"/> rows) only when it is not there yet.</summary>
    public static string EnsureFile(string fileName, IEnumerable<string> header, int rows, int seed, Action<Random, StringBuilder> writeRow)
    {
        string path = Path.Combine(Path.GetTempPath(), fileName);
        if (!File.Exists(path))
        {
            string partial = path + ".partial";
            Write(partial, header, rows, seed, writeRow);
            File.Move(partial, path, overwrite: true);
        }

        return path;
    }

    public static void Write(string path, IEnumerable<string> header, int rows, int seed, Action<Random, StringBuilder> writeRow)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        writer.Write(string.Join(',', header));
        writer.Write('\n');
        var line = new StringBuilder(256);
        for (int i = 0; i < rows; i++)
        {
            line.Clear();
            writeRow(random, line);
            writer.Write(line);
        }
    }

    /// <summary>Appends the value (or, with probability <paramref name="missingShare"/>, an empty cell) and a comma.</summary>
    public static void Number(StringBuilder line, double value, string format, Random r, double missingShare)
    {
        if (missingShare == 0 || r.NextDouble() >= missingShare)
        {
            line.Append(value.ToString(format, CultureInfo.InvariantCulture));
        }

        line.Append(',');
    }

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
