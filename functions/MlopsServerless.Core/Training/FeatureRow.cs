using Microsoft.ML;
using Microsoft.ML.Data;
using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Training;

/// <summary>
/// One mutable input row with the model's input schema, for scoring a row at a time through the model's
/// <see cref="IRowToRowMapper"/> (what ML.NET's PredictionEngine does with a class; here the schema comes from the spec).
/// Not thread-safe: each serving engine owns one.
/// </summary>
internal sealed class FeatureRow : DataViewRow
{
    readonly Delegate[] _getters;
    FeatureValue[] _values;
    long _position = -1;

    public FeatureRow(ModelSpec spec)
    {
        Schema = ModelInput.Schema(spec, withLabel: false);
        _values = new FeatureValue[spec.Features.Count];
        _getters = spec.Features.Select((feature, i) => feature.Kind == ColumnKind.Categorical
            ? (Delegate)(ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) => value = _values[i].Category.AsMemory())
            : (ValueGetter<float>)((ref float value) => value = _values[i].Number)).ToArray();
    }

    public override DataViewSchema Schema { get; }
    public override long Position => _position;
    public override long Batch => 0;

    /// <summary>Makes <paramref name="values"/> (in feature order) the current row.</summary>
    public void Set(FeatureValue[] values)
    {
        _values = values;
        _position++;
    }

    public override bool IsColumnActive(DataViewSchema.Column column) => true;

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) =>
        _getters[column.Index] as ValueGetter<TValue>
        ?? throw new InvalidOperationException($"Column {column.Name} is not of type {typeof(TValue).Name}.");

    public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);
}
