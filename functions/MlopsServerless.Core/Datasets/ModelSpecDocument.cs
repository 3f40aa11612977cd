namespace MlopsServerless.Core.Datasets;

/// <summary>
/// The optional <c>training-data/{model}/model.json</c> a data team writes. Every field may be left out;
/// validation infers what is missing from the data.
/// </summary>
public sealed record ModelSpecDocument
{
    public string? LabelColumn { get; init; }
    public ModelTask? Task { get; init; }
    public IReadOnlyList<string>? FeatureColumns { get; init; }
    public TrainerKind? Trainer { get; init; }

    /// <summary>Column kinds that override inference, e.g. <c>{"zip": "categorical", "customer_id": "ignore"}</c>.</summary>
    public IReadOnlyDictionary<string, ColumnKind>? Columns { get; init; }

    /// <summary>Cell values read as missing besides the defaults of <see cref="MissingValues"/>.</summary>
    public IReadOnlyList<string>? MissingValues { get; init; }
}
