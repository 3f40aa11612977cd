using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Feedback;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Drift;

/// <summary>
/// For every model with a champion: reads what the champion served since the last computed report, up to
/// <see cref="DriftOptions.LogLagSeconds"/> ago (so requests still buffered on serving instances are counted in the next
/// window, exactly once; this instance's own buffer is flushed first), and compares it
/// with the champion's training reference: each feature and the predictions by its method (the default choice by kind and
/// reference size, or model.json's), PSI for each, the dataset verdict from the share of drifted features, the health
/// (estimated without labels, and live with feedback). With too few rows the report says so and the next run looks at a
/// longer window. Then it decides what to do about the report (<see cref="DriftActionDecider"/>), stores the report with
/// that action, and returns any training run it queued, for the caller to hand to the model's trainer.
/// </summary>
public sealed class DriftMonitor(
    ModelRegistry registry,
    ModelArtifactStore artifacts,
    PredictionLog predictionLog,
    PredictionLogBuffer logBuffer,
    DriftReportStore reports,
    FeedbackService feedback,
    DriftActionDecider decider,
    IOptions<DriftOptions> options,
    TimeProvider time,
    ILogger<DriftMonitor> logger)
{
    public async Task<DriftRun> RunAsync(CancellationToken cancellationToken)
    {
        await logBuffer.FlushAsync(cancellationToken);
        var results = new List<DriftMeasurement>();
        var failures = new List<Exception>();
        foreach (Champion champion in await registry.ListChampionsAsync(cancellationToken))
        {
            try
            {
                results.Add(await MeasureAsync(champion, cancellationToken));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Drift of {Model} v{Version} could not be measured", champion.Model, champion.Version);
                failures.Add(exception);
            }
        }

        return new DriftRun(results, failures);
    }

    /// <summary>The model's champion measured now (this instance's log buffer flushed first); null when the model has no champion.</summary>
    public async Task<DriftMeasurement?> MeasureModelAsync(string model, CancellationToken cancellationToken)
    {
        if (await registry.GetChampionAsync(model, cancellationToken) is not { } champion)
        {
            return null;
        }

        await logBuffer.FlushAsync(cancellationToken);
        return await MeasureAsync(champion, cancellationToken);
    }

    public async Task<DriftMeasurement> MeasureAsync(Champion champion, CancellationToken cancellationToken)
    {
        DriftOptions settings = options.Value;
        DateTimeOffset computedAt = time.GetUtcNow();
        DateTimeOffset windowEnd = computedAt - TimeSpan.FromSeconds(settings.LogLagSeconds);
        DriftReport? previous = await reports.GetLatestAsync(champion.Model, cancellationToken);
        DateTimeOffset windowStart = previous is null || previous.ChampionVersion != champion.Version
            ? champion.PromotedAt
            : previous.Status == DriftReportStatus.Computed ? previous.WindowEnd : previous.WindowStart;

        ModelVersion version = await registry.GetVersionAsync(champion.Model, champion.Version, cancellationToken)
            ?? throw new InvalidOperationException($"Champion {champion.Model} v{champion.Version} is not registered.");
        var served = new ServedWindow(version.Spec.Features.Select(f => f.Name));
        await foreach (PredictionLogEntry entry in predictionLog.StreamAsync(champion.Model, windowStart, windowEnd, cancellationToken))
        {
            if (entry.Version == champion.Version)
            {
                served.Add(entry);
            }
        }

        int samples = served.Samples;

        DriftReport report;
        if (samples < settings.MinimumSamples)
        {
            report = new DriftReport(champion.Model, champion.Version, windowStart, windowEnd, computedAt, DriftReportStatus.InsufficientData,
                samples, settings.PsiThreshold, new Dictionary<string, FeatureDrift>(), null, [], false, MinimumSamples: settings.MinimumSamples);
        }
        else
        {
            ReferenceProfile profile = await artifacts.LoadProfileAsync(version.ReferenceProfileBlob, cancellationToken);
            report = DriftComparison.Compare(new DriftReport(champion.Model, champion.Version, windowStart, windowEnd, computedAt, DriftReportStatus.Computed,
                samples, settings.PsiThreshold, new Dictionary<string, FeatureDrift>(), null, [], false), version.Spec, version.Metrics, profile, served, settings);
            report = report with
            {
                LiveHealth = LiveHealth.Of(await feedback.GetLiveMetricsAsync(champion.Model, cancellationToken), settings.HealthMaxDrop,
                    settings.MinimumSamples),
            };
        }

        DriftDecision decision = await decider.DecideAsync(report, version, cancellationToken);
        report = report with { Action = decision.Action };
        await reports.SaveAsync(report, cancellationToken);
        logger.LogInformation("Drift of {Model} v{Version}: {Status}, {Samples} rows, drift detected {DriftDetected}, action {Action}",
            report.Model, report.ChampionVersion, report.Status, report.SampleCount, report.DriftDetected, decision.Action.Kind);
        return new DriftMeasurement(report, decision.Retrain);
    }
}
