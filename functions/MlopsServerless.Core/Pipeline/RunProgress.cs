using System.Text.Json.Serialization;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Pipeline;

/// <summary>
/// Where a run stands, kept by the model's trainer orchestration (its custom status) and stored with the run at the end: the current
/// step, each step's timing, each candidate's state and validation metric, and the final decision.
/// </summary>
public sealed record RunProgress(
    string RunId,
    string Step,
    IReadOnlyList<StepTiming> Steps,
    IReadOnlyList<CandidateProgress> Candidates,
    PromotionDecision? Decision = null)
{
    public static RunProgress Start(string runId, string step, DateTime now) => new(runId, step, [new StepTiming(step, now, null)], []);

    /// <summary>Ends the current step at <paramref name="now"/> and starts <paramref name="next"/>.</summary>
    public RunProgress Next(string next, DateTime now) => this with
    {
        Step = next,
        Steps = [.. Steps.Select(s => s.EndedAt is null ? s with { EndedAt = now } : s), new StepTiming(next, now, null)],
    };

    public RunProgress Finish(DateTime now) => this with { Steps = Steps.Select(s => s.EndedAt is null ? s with { EndedAt = now } : s).ToList() };
}

public sealed record StepTiming(string Step, DateTime StartedAt, DateTime? EndedAt)
{
    public double? Seconds => EndedAt is { } end ? Math.Round((end - StartedAt).TotalSeconds, 3) : null;
}

/// <summary>A candidate's state in a run: <c>Training</c>, <c>Trained</c> (with its validation metric), <c>Failed</c> or <c>TimedOut</c> (with why), <c>Skipped</c>.</summary>
public sealed record CandidateProgress(string Id, string Configuration, string State, ModelMetrics? ValidationMetrics = null,
    double? TrainingSeconds = null, string? Reason = null, [property: JsonIgnore] CandidateResult? Result = null)
{
    public const string Training = "Training";
    public const string Trained = "Trained";
    public const string Failed = "Failed";
    public const string TimedOut = "TimedOut";
    public const string Skipped = "Skipped";
}
