namespace MlopsServerless.Core.Datasets;

/// <summary>What to learn from a dataset: the label, the task, the numeric feature columns (in order) and the trainer.</summary>
public sealed record ModelSpec(string LabelColumn, ModelTask Task, IReadOnlyList<string> FeatureColumns, TrainerKind Trainer);
