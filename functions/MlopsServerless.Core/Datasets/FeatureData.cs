namespace MlopsServerless.Core.Datasets;

/// <summary>The values of one feature column: numbers (numeric and boolean; NaN = missing) or category codes.</summary>
public abstract record FeatureData(FeatureColumn Column)
{
    public abstract FeatureValue this[int row] { get; }

    public sealed record Numbers(FeatureColumn Column, float[] Values) : FeatureData(Column)
    {
        public override FeatureValue this[int row] => FeatureValue.Of(Values[row]);
    }

    /// <summary><see cref="Codes"/> index <see cref="Names"/>; -1 = missing.</summary>
    public sealed record Categories(FeatureColumn Column, int[] Codes, IReadOnlyList<string> Names) : FeatureData(Column)
    {
        public override FeatureValue this[int row] => Codes[row] < 0 ? FeatureValue.Missing : FeatureValue.Of(Names[Codes[row]]);
    }
}
