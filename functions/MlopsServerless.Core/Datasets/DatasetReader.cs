using System.Globalization;
using MlopsServerless.Core.Datasets.Csv;

namespace MlopsServerless.Core.Datasets;

/// <summary>
/// The second pass: reads a validated CSV under its spec and dialect into typed columns. Rows without a label are
/// skipped; anything else that does not fit is an <see cref="InvalidDataException"/> (validation let it through, so the
/// data changed or the spec does not belong to it).
/// </summary>
public static class DatasetReader
{
    public static PreparedDataset Read(Stream content, ModelSpec spec, CsvDialect dialect)
    {
        using CsvRowReader reader = CsvRowReader.Open(content, dialect.Separator);
        IReadOnlyList<string> header = ColumnNames.Of(reader.Header);
        int labelIndex = Require(header, spec.LabelColumn);
        int[] featureIndexes = spec.Features.Select(f => Require(header, f.Name)).ToArray();
        var codec = new FeatureCodec(new MissingValues(spec.MissingValues), dialect.DecimalComma);
        ColumnBuilder[] builders = spec.Features.Select(ColumnBuilder.For).ToArray();
        var labels = new List<string>();
        var classNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var classLookup = classNames.GetAlternateLookup<ReadOnlySpan<char>>();

        reader.ForEachRow((in CsvRecord record) =>
        {
            if (record.Count != header.Count)
            {
                throw new InvalidDataException($"Row {record.RowNumber} has {record.Count} cells; the header has {header.Count}.");
            }

            ReadOnlySpan<char> labelCell = record[labelIndex];
            if (codec.MissingValues.IsMissing(labelCell))
            {
                return;
            }

            labels.Add(Label(spec.Task, labelCell, dialect, classLookup)
                ?? throw new InvalidDataException($"Row {record.RowNumber}: '{labelCell}' is not a {spec.Task} label."));
            for (int f = 0; f < featureIndexes.Length; f++)
            {
                if (!builders[f].TryAdd(codec, record[featureIndexes[f]]))
                {
                    throw new InvalidDataException(
                        $"Row {record.RowNumber}, column '{spec.Features[f].Name}': '{record[featureIndexes[f]]}' is not {spec.Features[f].Kind}.");
                }
            }
        });

        return new PreparedDataset(spec, builders.Select(b => b.Build()).ToList(), labels);
    }

    static string? Label(ModelTask task, ReadOnlySpan<char> cell, CsvDialect dialect,
        Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> classes)
    {
        switch (task)
        {
            case ModelTask.Binary:
                return CellValues.TryParseBoolean(cell, out bool flag) ? (flag ? "true" : "false") : null;
            case ModelTask.Regression:
                return CellValues.TryParseNumber(cell, dialect.DecimalComma, out float number)
                    ? number.ToString("R", CultureInfo.InvariantCulture)
                    : null;
            default:
                if (!classes.TryGetValue(cell, out string? name))
                {
                    name = cell.ToString();
                    classes[name] = name;
                }

                return name;
        }
    }

    static int Require(IReadOnlyList<string> header, string column) =>
        ColumnNames.IndexOf(header, column) is var index and >= 0
            ? index
            : throw new InvalidDataException($"The dataset has no column '{column}'.");

    abstract class ColumnBuilder
    {
        public static ColumnBuilder For(FeatureColumn column) =>
            column.Kind == ColumnKind.Categorical ? new CategoryBuilder(column) : new NumberBuilder(column);

        /// <summary>Reads the cell as the codec does and adds it; false when it is not a value of the column's kind.</summary>
        public abstract bool TryAdd(FeatureCodec codec, ReadOnlySpan<char> cell);

        public abstract FeatureData Build();
    }

    sealed class NumberBuilder(FeatureColumn column) : ColumnBuilder
    {
        readonly List<float> _values = [];

        public override bool TryAdd(FeatureCodec codec, ReadOnlySpan<char> cell)
        {
            bool read = codec.TryReadCell(column.Kind, cell, out FeatureValue value);
            _values.Add(value.Number);
            return read;
        }

        public override FeatureData Build() => new FeatureData.Numbers(column, _values.ToArray());
    }

    /// <summary>
    /// Categories as the codec reads them (a missing token is missing, any other text is the category as is), looked up
    /// by the cell's characters so that a string is made once per category, not once per row.
    /// </summary>
    sealed class CategoryBuilder : ColumnBuilder
    {
        readonly FeatureColumn _column;
        readonly List<int> _codes = [];
        readonly List<string> _names = [];
        readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public CategoryBuilder(FeatureColumn column)
        {
            _column = column;
            _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public override bool TryAdd(FeatureCodec codec, ReadOnlySpan<char> cell)
        {
            if (codec.MissingValues.IsMissing(cell))
            {
                _codes.Add(-1);
                return true;
            }

            if (!_lookup.TryGetValue(cell, out int code))
            {
                if (!codec.TryReadCell(_column.Kind, cell, out FeatureValue value) || value.Category is not { } category)
                {
                    return false;
                }

                code = _names.Count;
                _index[category] = code;
                _names.Add(category);
            }

            _codes.Add(code);
            return true;
        }

        public override FeatureData Build() => new FeatureData.Categories(_column, _codes.ToArray(), _names);
    }
}
