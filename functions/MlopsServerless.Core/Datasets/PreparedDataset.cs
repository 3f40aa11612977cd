namespace MlopsServerless.Core.Datasets;

/// <summary>
/// A validated dataset ready for training: one feature vector per row in <see cref="ModelSpec.FeatureColumns"/> order
/// (NaN where a cell was empty) and its label, normalised per task ("true"/"false", invariant numbers, class names).
/// </summary>
public sealed record PreparedDataset(ModelSpec Spec, IReadOnlyList<float[]> Features, IReadOnlyList<string> Labels)
{
    public int RowCount => Features.Count;

    /// <summary>
    /// The same rows with the features in <paramref name="featureColumns"/> order (for scoring another model on this
    /// data), or null when this dataset lacks one of them.
    /// </summary>
    public PreparedDataset? WithFeatures(IReadOnlyList<string> featureColumns)
    {
        var positions = new int[featureColumns.Count];
        for (int i = 0; i < featureColumns.Count; i++)
        {
            positions[i] = Spec.FeatureColumns.ToList().FindIndex(c => c.Equals(featureColumns[i], StringComparison.OrdinalIgnoreCase));
            if (positions[i] < 0)
            {
                return null;
            }
        }

        return new PreparedDataset(Spec with { FeatureColumns = featureColumns },
            Features.Select(row => positions.Select(p => row[p]).ToArray()).ToList(), Labels);
    }
}
