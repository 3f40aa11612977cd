namespace MlopsServerless.Core.Serving;

/// <summary>What a prediction request came to.</summary>
public abstract record PredictionOutcome
{
    /// <summary>The model has no champion (or does not exist).</summary>
    public sealed record NoChampion(string Model) : PredictionOutcome;

    /// <summary>The body does not fit the model: field → messages.</summary>
    public sealed record Invalid(string Model, int Version, IReadOnlyDictionary<string, string[]> Errors) : PredictionOutcome;

    /// <summary>Answered; <see cref="IgnoredFields"/> are request fields that are not features of the model.</summary>
    public sealed record Served(string RequestId, string Model, int Version, bool IsBatch, IReadOnlyList<Prediction> Predictions,
        IReadOnlyList<string> IgnoredFields) : PredictionOutcome;
}
