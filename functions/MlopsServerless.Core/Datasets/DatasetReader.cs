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
                if (!codec.TryReadCell(spec.Features[f].Kind, record[featureIndexes[f]], out FeatureValue value))
                {
                    throw new InvalidDataException(
                        $"Row {record.RowNumber}, column '{spec.Features[f].Name}': '{record[featureIndexes[f]]}' is not {spec.Features[f].Kind}.");
                }

                builders[f].Add(value);
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

        public abstract void Add(FeatureValue value);

        public abstract FeatureData Build();
    }

    sealed class NumberBuilder(FeatureColumn column) : ColumnBuilder
    {
        readonly List<float> _values = [];

        public override void Add(FeatureValue value) => _values.Add(value.Number);

        public override FeatureData Build() => new FeatureData.Numbers(column, _values.ToArray());
    }

    sealed class CategoryBuilder(FeatureColumn column) : ColumnBuilder
    {
        readonly List<int> _codes = [];
        readonly List<string> _names = [];
        readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public override void Add(FeatureValue value)
        {
            if (value.Category is not { } category)
            {
                _codes.Add(-1);
                return;
            }

            if (!_index.TryGetValue(category, out int code))
            {
                code = _names.Count;
                _index[category] = code;
                _names.Add(category);
            }

            _codes.Add(code);
        }

        public override FeatureData Build() => new FeatureData.Categories(column, _codes.ToArray(), _names);
    }
}
