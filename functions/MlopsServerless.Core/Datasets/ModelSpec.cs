namespace MlopsServerless.Core.Datasets;

/// <summary>
/// What to learn from a dataset: the label, the task, the typed feature columns (in model input order), the cell values
/// read as missing (serving reads them the same way), the trainer family model.json asks for (null: every family
/// competes), the run's <see cref="TrainingPolicy"/> and how drift is measured (<see cref="DriftPolicy"/>).
/// </summary>
public sealed record ModelSpec(
    string LabelColumn,
    ModelTask Task,
    IReadOnlyList<FeatureColumn> Features,
    TrainerKind? Trainer,
    IReadOnlyList<string> MissingValues,
    TrainingPolicy? Policy = null,
    DriftPolicy? Drift = null)
{
    public TrainingPolicy Policy { get; init; } = Policy ?? TrainingPolicy.Default;

    public DriftPolicy Drift { get; init; } = Drift ?? DriftPolicy.Default;

    public IEnumerable<string> FeatureNames => Features.Select(f => f.Name);

    public bool Equals(ModelSpec? other) =>
        other is not null && LabelColumn == other.LabelColumn && Task == other.Task && Trainer == other.Trainer
        && Features.SequenceEqual(other.Features) && MissingValues.SequenceEqual(other.MissingValues) && Policy.Equals(other.Policy)
        && Drift.Equals(other.Drift);

    public override int GetHashCode() => HashCode.Combine(LabelColumn, Task, Trainer, Features.Count);
}
