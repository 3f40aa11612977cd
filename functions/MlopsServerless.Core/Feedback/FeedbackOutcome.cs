namespace MlopsServerless.Core.Feedback;

/// <summary>What a feedback request came to: recorded (how many labels), or field → messages and nothing recorded.</summary>
public abstract record FeedbackOutcome
{
    public sealed record Recorded(string Model, int Count) : FeedbackOutcome;

    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : FeedbackOutcome;
}
