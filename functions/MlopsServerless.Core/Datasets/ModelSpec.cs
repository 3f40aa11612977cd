namespace MlopsServerless.Core.Datasets;

/// <summary>What to learn from a dataset: the label, the task, the numeric feature columns (in order) and the trainer.</summary>
public sealed record ModelSpec(string LabelColumn, ModelTask Task, IReadOnlyList<string> FeatureColumns, TrainerKind Trainer)
{
    public bool Equals(ModelSpec? other) =>
        other is not null && LabelColumn == other.LabelColumn && Task == other.Task && Trainer == other.Trainer
        && FeatureColumns.SequenceEqual(other.FeatureColumns);

    public override int GetHashCode() => HashCode.Combine(LabelColumn, Task, Trainer, FeatureColumns.Count);
}
