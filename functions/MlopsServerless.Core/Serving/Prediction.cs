namespace MlopsServerless.Core.Serving;

/// <summary>
/// One row's prediction. Binary: <see cref="PredictedLabel"/> and <see cref="Probability"/>; multiclass:
/// <see cref="PredictedClass"/> and <see cref="ClassScores"/>; regression: <see cref="Value"/>.
/// </summary>
public sealed record Prediction
{
    public double? Value { get; init; }
    public bool? PredictedLabel { get; init; }
    public double? Probability { get; init; }
    public string? PredictedClass { get; init; }
    public IReadOnlyDictionary<string, double>? ClassScores { get; init; }

    /// <summary>The conformal prediction interval (regression) or set (classification) and its coverage, when the version has one.</summary>
    public Training.PredictionRegion? Region { get; init; }

    /// <summary>The row's feature contributions, when the request asked for them and the model supports them; never logged.</summary>
    public Explanation? Explanation { get; init; }
}
