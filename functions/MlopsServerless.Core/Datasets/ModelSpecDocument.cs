using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Drift.Statistics;

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

    /// <summary>How many candidates a run trains (trainer families and hyperparameters).</summary>
    public int? Candidates { get; init; }

    /// <summary>How long the candidates of a run may train, in seconds.</summary>
    public int? TimeLimitSeconds { get; init; }

    /// <summary>Categorical or boolean feature columns whose values are segments with metrics of their own (e.g. a region).</summary>
    public IReadOnlyList<string>? SegmentColumns { get; init; }

    /// <summary>The least a segment's primary metric may be for a challenger to be promoted (AUC, accuracy; for RMSE the most).</summary>
    public double? SegmentFloor { get; init; }

    /// <summary>How much worse than the champion's a challenger's segment metric may be (default 0.05).</summary>
    public double? SegmentTolerance { get; init; }

    /// <summary>How much a challenger's primary metric must beat the champion's by.</summary>
    public double? MinImprovement { get; init; }

    /// <summary>The drift method for every column and the predictions (e.g. <c>"psi"</c>); by default each column's is chosen by its kind and size.</summary>
    public DriftMethod? DriftMethod { get; init; }

    /// <summary>Drift methods per feature, which win over <see cref="DriftMethod"/>, e.g. <c>{"age": "wasserstein"}</c>.</summary>
    public IReadOnlyDictionary<string, DriftMethod>? DriftMethods { get; init; }

    /// <summary>What the drift monitor does on drift or a health drop: <c>"alert"</c> (the default) or <c>"retrain"</c>.</summary>
    public DriftAction? DriftAction { get; init; }
}
