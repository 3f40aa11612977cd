namespace MlopsServerless.Benchmarks.Orchestration;

/// <summary>One activity of a run as the Durable Task Azure Storage backend saw it: taken from the work-item queue, answered.</summary>
public sealed record ActivitySpan(int TaskId, string Name, DateTime Started, DateTime Completed)
{
    public double Seconds => (Completed - Started).TotalSeconds;
}

/// <summary>A stretch of the end-to-end run; <see cref="Durable"/> marks the hand-offs between activities.</summary>
public sealed record Segment(string Name, double Seconds, bool Durable = false);

/// <summary>
/// An end-to-end run cut into consecutive segments, from the upload's start to the champion's write (so they add up to
/// the run's wall time): the upload, the trigger and orchestration start, each activity's execution (the candidates'
/// fan-out as one span), and between activities the Durable hand-off (the orchestrator's episode, its history and
/// queue writes, the queue polls on both sides). Activity times come from the Azure Storage backend's own log entries
/// ("Processing [TaskScheduled#N]" when an activity's message is taken, "Sending [TaskCompleted#N]" when it answers).
/// </summary>
public sealed record RunTimeline(IReadOnlyList<Segment> Segments, IReadOnlyList<ActivitySpan> Activities, int PeakConcurrentCandidates)
{
    const string Backend = "DurableTask.AzureStorage";

    public double DurableSeconds => Segments.Where(s => s.Durable).Sum(s => s.Seconds);

    public IEnumerable<ActivitySpan> Candidates => Activities.Where(a => a.Name.StartsWith("TrainCandidate", StringComparison.Ordinal));

    /// <summary>
    /// The orchestrator schedules, in this order (task ids 0, 1, …): ValidateTrainingData, PlanCandidates, one
    /// TrainCandidate per candidate, the time-limit timer (no activity), SelectCandidate, RegisterModelVersion, PromoteIfBetter.
    /// </summary>
    public static RunTimeline Build(EndToEndRun run)
    {
        string instance = $"trainer-{run.Model}";
        Dictionary<int, DateTime> started = Find(run, instance, "Processing [TaskScheduled#");
        Dictionary<int, DateTime> completed = Find(run, instance, "Sending [TaskCompleted#");
        int candidates = run.Candidates.Count(c => c.State != "Skipped");
        int[] ids = started.Keys.Order().ToArray();
        if (ids.Length != candidates + 5 || ids.Any(id => !completed.ContainsKey(id)))
        {
            throw new InvalidOperationException($"Expected {candidates + 5} activities of {instance} in the backend's log, found {ids.Length}.");
        }

        string[] names = ["ValidateTrainingData", "PlanCandidates",
            .. run.Candidates.Where(c => c.State != "Skipped").Select(c => $"TrainCandidate {c.Id}"),
            "SelectCandidate", "RegisterModelVersion", "PromoteIfBetter"];
        List<ActivitySpan> activities = ids.Select((id, i) => new ActivitySpan(id, names[i], started[id], completed[id])).ToList();

        ActivitySpan validate = activities[0], plan = activities[1];
        List<ActivitySpan> train = activities.Skip(2).Take(candidates).ToList();
        ActivitySpan select = activities[^3], register = activities[^2], promote = activities[^1];
        DateTime trainStart = train.Min(a => a.Started), trainEnd = train.Max(a => a.Completed);
        var segments = new List<Segment>
        {
            new("upload (client → Azurite)", (run.UploadEnded - run.UploadStarted).TotalSeconds),
            new("blob watcher → first activity (poll ≤ 200 ms, StartTrainingOnUpload, orchestration start, event)",
                (validate.Started - run.UploadEnded).TotalSeconds, Durable: true),
            new("ValidateTrainingData activity", validate.Seconds),
            new("hand-off", (plan.Started - validate.Completed).TotalSeconds, Durable: true),
            new("PlanCandidates activity", plan.Seconds),
            new("hand-off (fan-out)", (trainStart - plan.Completed).TotalSeconds, Durable: true),
            new($"TrainCandidate × {candidates} (first start → last answer)", (trainEnd - trainStart).TotalSeconds),
            new("hand-off (fan-in)", (select.Started - trainEnd).TotalSeconds, Durable: true),
            new("SelectCandidate activity", select.Seconds),
            new("hand-off", (register.Started - select.Completed).TotalSeconds, Durable: true),
            new("RegisterModelVersion activity", register.Seconds),
            new("hand-off", (promote.Started - register.Completed).TotalSeconds, Durable: true),
            new("PromoteIfBetter until the champion is written", (run.PromotedAt - promote.Started).TotalSeconds),
        };
        int peak = train.Max(a => train.Count(b => b.Started <= a.Started && b.Completed > a.Started));
        return new RunTimeline(segments, activities, peak);
    }

    static Dictionary<int, DateTime> Find(EndToEndRun run, string instance, string prefix)
    {
        var found = new Dictionary<int, DateTime>();
        foreach (LogEntry entry in run.Logs)
        {
            if (entry.Category == Backend && entry.Message.Contains(prefix, StringComparison.Ordinal)
                && entry.Fields.GetValueOrDefault("InstanceId") == instance
                && int.TryParse(entry.Fields.GetValueOrDefault("TaskEventId"), out int id))
            {
                found.TryAdd(id, entry.At);
            }
        }

        return found;
    }
}
