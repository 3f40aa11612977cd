namespace MlopsServerless.Core.Datasets;

/// <summary>
/// What to learn from a dataset: the label, the task, the typed feature columns (in model input order), the trainer,
/// and the cell values that were read as missing (serving reads them the same way).
/// </summary>
public sealed record ModelSpec(
    string LabelColumn,
    ModelTask Task,
    IReadOnlyList<FeatureColumn> Features,
    TrainerKind Trainer,
    IReadOnlyList<string> MissingValues)
{
    public IEnumerable<string> FeatureNames => Features.Select(f => f.Name);

    public bool Equals(ModelSpec? other) =>
        other is not null && LabelColumn == other.LabelColumn && Task == other.Task && Trainer == other.Trainer
        && Features.SequenceEqual(other.Features) && MissingValues.SequenceEqual(other.MissingValues);

    public override int GetHashCode() => HashCode.Combine(LabelColumn, Task, Trainer, Features.Count);
}
