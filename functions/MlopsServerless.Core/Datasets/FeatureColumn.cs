namespace MlopsServerless.Core.Datasets;

/// <summary>One input of a model: the column's name in the data and how its values are read and encoded.</summary>
public sealed record FeatureColumn(string Name, ColumnKind Kind)
{
    public ColumnKind Kind { get; init; } = Kind.IsFeature()
        ? Kind
        : throw new ArgumentOutOfRangeException(nameof(Kind), Kind, $"Column '{Name}' of kind {Kind} cannot be a feature.");
}
