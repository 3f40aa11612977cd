namespace MlopsServerless.Core.Serving;

/// <summary>What a prediction request came to.</summary>
public abstract record PredictionOutcome
{
    /// <summary>The target alias has no holder, or the target version is not registered (or the model does not exist).</summary>
    public sealed record NotFound(string Model, ModelTarget Target) : PredictionOutcome;

    /// <summary>The target version is archived: kept, but not served.</summary>
    public sealed record Archived(string Model, int Version) : PredictionOutcome;

    /// <summary>The body does not fit the model: field → messages.</summary>
    public sealed record Invalid(string Model, int Version, IReadOnlyDictionary<string, string[]> Errors) : PredictionOutcome;

    /// <summary>
    /// Answered; <see cref="IgnoredFields"/> are request fields that are not features of the model;
    /// <see cref="ExplainUnsupported"/> says why explanations were asked for but not given (null otherwise).
    /// </summary>
    public sealed record Served(string RequestId, string Model, int Version, bool IsBatch, IReadOnlyList<Prediction> Predictions,
        IReadOnlyList<string> IgnoredFields, string? ExplainUnsupported = null) : PredictionOutcome;
}
