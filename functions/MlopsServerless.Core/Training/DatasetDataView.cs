using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Training;

/// <summary>
/// A <see cref="PreparedDataset"/> (or some of its rows) as an ML.NET <see cref="IDataView"/>, read straight from its
/// typed columns: nothing is copied into row objects.
/// </summary>
internal sealed class DatasetDataView : IDataView
{
    readonly PreparedDataset _dataset;
    readonly IReadOnlyList<int> _rows;
    readonly Lazy<float[]> _numericLabels;

    public DatasetDataView(PreparedDataset dataset, IReadOnlyList<int> rows, bool withLabel)
    {
        _dataset = dataset;
        _rows = rows;
        Schema = ModelInput.Schema(dataset.Spec, withLabel);
        _numericLabels = new Lazy<float[]>(() => dataset.Labels.Select(l => dataset.Spec.Task == ModelTask.Binary
            ? (l == "true" ? 1f : 0f)
            : float.Parse(l, CultureInfo.InvariantCulture)).ToArray());
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rows.Count;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded.Select(c => c.Index).ToHashSet());

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    sealed class Cursor : DataViewRowCursor
    {
        readonly DatasetDataView _view;
        readonly HashSet<int> _active;
        readonly Delegate?[] _getters;
        long _position = -1;
        int _row;

        public Cursor(DatasetDataView view, HashSet<int> active)
        {
            _view = view;
            _active = active;
            _getters = new Delegate?[view.Schema.Count];
        }

        public override DataViewSchema Schema => _view.Schema;
        public override long Position => _position;
        public override long Batch => 0;

        public override bool MoveNext()
        {
            if (++_position >= _view._rows.Count)
            {
                return false;
            }

            _row = _view._rows[(int)_position];
            return true;
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => _active.Contains(column.Index);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) =>
            (_getters[column.Index] ??= MakeGetter(column.Index)) as ValueGetter<TValue>
            ?? throw new InvalidOperationException($"Column {column.Name} is not of type {typeof(TValue).Name}.");

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)_row, 0);

        Delegate MakeGetter(int column)
        {
            PreparedDataset data = _view._dataset;
            if (column < data.Features.Count)
            {
                switch (data.Features[column])
                {
                    case FeatureData.Numbers numbers:
                        float[] values = numbers.Values;
                        return (ValueGetter<float>)((ref float value) => value = values[_row]);
                    case FeatureData.Categories categories:
                        ReadOnlyMemory<char>[] names = categories.Names.Select(n => n.AsMemory()).ToArray();
                        int[] codes = categories.Codes;
                        return (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) =>
                            value = codes[_row] < 0 ? ReadOnlyMemory<char>.Empty : names[codes[_row]]);
                }
            }

            float[] numeric = data.Spec.Task == ModelTask.Multiclass ? [] : _view._numericLabels.Value;
            return data.Spec.Task switch
            {
                ModelTask.Binary => (ValueGetter<bool>)((ref bool value) => value = numeric[_row] > 0),
                ModelTask.Regression => (ValueGetter<float>)((ref float value) => value = numeric[_row]),
                _ => (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) => value = data.Labels[_row].AsMemory()),
            };
        }
    }
}
