using Microsoft.Extensions.Logging;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Feedback;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Runs;
using MlopsServerless.Core.Storage;
using MlopsServerless.Core.Telemetry;

namespace MlopsServerless.Core.Drift;

/// <summary>
/// Decides what the monitor does about a champion's report, by its model.json <c>driftAction</c>. No signal (no dataset
/// or prediction drift, no health drop): nothing. <c>alert</c>: an alert. <c>retrain</c>: when a run of the model is
/// queued or running, nothing more ("retrain already under way"); else a training run on labelled data newer than the
/// champion's, preferring (a) the newest upload to <c>training-data/{model}/</c> written after the champion's dataset
/// was taken, whose own run is queued unless it ran already (the upload's run is the retrain), then (b) the champion's
/// training snapshot with the served rows whose labels came back since it was trained, assembled into a new snapshot;
/// with neither, "drift, no new labels" and an alert. The run is recorded as <c>Queued</c> and returned for the caller
/// to hand to the model's trainer orchestration; a run on feedback takes its id from the base data and the labels, so the
/// same labels are trained once. An alert is a warning log and the <c>mlops.drift.alerts</c> counter.
/// </summary>
public sealed class DriftActionDecider(
    TrainingRunStore runs,
    TrainingUploads uploads,
    RetrainRequests retrains,
    FeedbackDatasets feedback,
    DatasetStore datasets,
    MlopsMetrics metrics,
    ILogger<DriftActionDecider> logger)
{
    public async Task<DriftDecision> DecideAsync(DriftReport report, ModelVersion champion, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> signals = DriftSignals.Of(report);
        DriftAction policy = champion.Spec.Drift.Action;
        if (signals.Count == 0)
        {
            string why = report.Status == DriftReportStatus.InsufficientData
                ? $"not enough data: {report.SampleCount} rows served in the window, {report.MinimumSamples} needed"
                : "no dataset drift, no prediction drift, no health drop";
            return Decided(report, new DriftActionTaken(DriftActionKind.None, policy, why, signals, Alerted: false));
        }

        if (policy == DriftAction.Alert)
        {
            return Decided(report, new DriftActionTaken(DriftActionKind.Alert, policy, "drift; model.json driftAction is alert (the default): alert only",
                signals, Alerted: true));
        }

        if ((await runs.ListAsync(champion.Model, cancellationToken)).FirstOrDefault(r => !r.Status.HasEnded()) is { } running)
        {
            return UnderWay(report, policy, signals, running.RunId, running.Status.ToString());
        }

        var notNew = new List<string>();
        return await RetrainOnUploadAsync(report, champion, signals, notNew, cancellationToken)
            ?? await RetrainOnFeedbackAsync(report, champion, signals, notNew, cancellationToken)
            ?? Decided(report, new DriftActionTaken(DriftActionKind.NoNewLabels, policy, "drift, no new labels: " + string.Join("; ", notNew),
                signals, Alerted: true));
    }

    /// <summary>(a) The newest upload written after the champion's dataset was taken, unless it ran already (then why, in <paramref name="notNew"/>).</summary>
    async Task<DriftDecision?> RetrainOnUploadAsync(DriftReport report, ModelVersion champion, IReadOnlyList<string> signals, List<string> notNew,
        CancellationToken cancellationToken)
    {
        DriftAction policy = champion.Spec.Drift.Action;
        DatasetSnapshot trainedOn = await datasets.DescribeAsync(champion.DatasetBlob, cancellationToken)
            ?? throw new InvalidOperationException($"v{champion.Version} of {champion.Model} was trained on {champion.DatasetBlob}, which does not exist.");
        UploadedDataset? upload = await uploads.FindNewestAsync(champion.Model, trainedOn.TakenAt, cancellationToken);
        if (upload is { Run: null, Request: var uploaded })
        {
            string blob = BlobPaths.TrainingData(uploaded.SourceBlob);
            return await uploads.TryQueueAsync(uploaded, cancellationToken)
                ? Decided(report, new DriftActionTaken(DriftActionKind.RetrainQueued, policy,
                    $"drift; retraining on the newest upload {blob}, written {upload.UploadedAt:u}, after v{champion.Version}'s data was taken " +
                    $"({trainedOn.TakenAt:u}); the upload's own run is the retrain", signals, Alerted: false, uploaded.RunId, blob), uploaded)
                : UnderWay(report, policy, signals, uploaded.RunId, "started meanwhile");
        }

        if (upload?.Run is { } run)
        {
            if (!run.Status.HasEnded())
            {
                return UnderWay(report, policy, signals, run.RunId, run.Status.ToString());
            }

            notNew.Add($"the newest upload {BlobPaths.TrainingData(upload.Request.SourceBlob)} already ran ({run.RunId}: {run.Status})");
            return null;
        }

        notNew.Add($"nothing uploaded to training-data/{champion.Model}/ since v{champion.Version}'s data was taken ({trainedOn.TakenAt:u})");
        return null;
    }

    /// <summary>
    /// (b) Labels that came back for rows served since the champion was trained (or since the feedback its own data was
    /// assembled from), with its snapshot, as a new snapshot; unless they were trained already (then why, in <paramref name="notNew"/>).
    /// </summary>
    async Task<DriftDecision?> RetrainOnFeedbackAsync(DriftReport report, ModelVersion champion, IReadOnlyList<string> signals, List<string> notNew,
        CancellationToken cancellationToken)
    {
        DriftAction policy = champion.Spec.Drift.Action;
        DateTimeOffset servedAfter = (await datasets.GetLineageAsync(champion.Model, champion.DataSha256, cancellationToken))?.ServedUpTo
            ?? champion.Registration.TrainedAt;
        LabelledFeedback? labelled = await feedback.FindAsync(champion, servedAfter, cancellationToken);
        if (labelled is null)
        {
            notNew.Add($"no feedback on rows served since v{champion.Version}'s data ({servedAfter:u})");
            return null;
        }

        string runId = $"{champion.Model}-feedback-{labelled.Key}";
        if (await runs.GetAsync(champion.Model, runId, cancellationToken) is { } trained)
        {
            notNew.Add($"the {labelled.Records.Count} rows labelled by feedback since {servedAfter:u} were trained already ({trained.RunId}: {trained.Status})");
            return null;
        }

        if (await feedback.BuildAsync(labelled, cancellationToken) is not { } lineage)
        {
            notNew.Add($"the {labelled.Records.Count} rows labelled by feedback since {servedAfter:u} are no longer in the prediction log");
            return null;
        }

        var request = new TrainingRequest(champion.Model, lineage.DatasetBlob, runId, lineage.DatasetBlob);
        string reason = $"drift; retraining on {lineage.DatasetBlob}: v{champion.Version}'s data ({champion.DatasetBlob}) and " +
            $"{lineage.FeedbackRows} served rows labelled by feedback (served {lineage.ServedAfter:u} to {lineage.ServedUpTo:u})";
        return await retrains.TryQueueAsync(request, reason, cancellationToken)
            ? Decided(report, new DriftActionTaken(DriftActionKind.RetrainQueued, policy, reason, signals, Alerted: false, request.RunId,
                lineage.DatasetBlob, lineage), request)
            : UnderWay(report, policy, signals, request.RunId, "started meanwhile");
    }

    DriftDecision UnderWay(DriftReport report, DriftAction policy, IReadOnlyList<string> signals, string runId, string status) =>
        Decided(report, new DriftActionTaken(DriftActionKind.RetrainUnderWay, policy, $"drift; retrain already under way: run {runId} is {status}",
            signals, Alerted: false, runId));

    DriftDecision Decided(DriftReport report, DriftActionTaken action, TrainingRequest? retrain = null)
    {
        metrics.DriftActed(report.Model, action);
        if (action.Alerted)
        {
            logger.LogWarning("Drift alert for {Model} v{Version}: {Action}: {Reason}. Signals: {Signals}",
                report.Model, report.ChampionVersion, action.Kind, action.Reason, string.Join("; ", action.Signals));
        }
        else if (action.Kind != DriftActionKind.None)
        {
            logger.LogInformation("Drift on {Model} v{Version}: {Action}: {Reason}", report.Model, report.ChampionVersion, action.Kind, action.Reason);
        }

        return new DriftDecision(action, retrain);
    }
}

/// <summary>What to do about a report: the action to record on it, and the training request to hand to the trainer (when one was queued).</summary>
public sealed record DriftDecision(DriftActionTaken Action, TrainingRequest? Retrain);
