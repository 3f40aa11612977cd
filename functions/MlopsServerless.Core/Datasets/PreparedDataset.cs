namespace MlopsServerless.Core.Datasets;

/// <summary>
/// A validated dataset ready for training, held as typed columns: one <see cref="FeatureData"/> per feature of the
/// spec (in its order) and the labels normalised per task ("true"/"false", invariant numbers, class names). Rows whose
/// label was empty are not here.
/// </summary>
public sealed record PreparedDataset(ModelSpec Spec, IReadOnlyList<FeatureData> Features, IReadOnlyList<string> Labels)
{
    public int RowCount => Labels.Count;

    public FeatureValue Value(int row, int feature) => Features[feature][row];

    public FeatureValue[] Row(int row) => Features.Select(f => f[row]).ToArray();

    /// <summary>
    /// The same rows seen through another spec's features (for scoring another model on this data), or null when this
    /// dataset lacks one of them or holds it as another kind.
    /// </summary>
    public PreparedDataset? WithFeatures(IReadOnlyList<FeatureColumn> features)
    {
        var chosen = new List<FeatureData>(features.Count);
        foreach (FeatureColumn feature in features)
        {
            FeatureData? data = Features.FirstOrDefault(f => f.Column.Name.Equals(feature.Name, StringComparison.OrdinalIgnoreCase));
            if (data is null || data.Column.Kind != feature.Kind)
            {
                return null;
            }

            chosen.Add(data);
        }

        return this with { Spec = Spec with { Features = features }, Features = chosen };
    }
}
