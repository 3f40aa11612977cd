using System.Diagnostics;
using System.Diagnostics.Metrics;
using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Runs;
using MlopsServerless.Core.Serving;

namespace MlopsServerless.Core.Telemetry;

/// <summary>
/// The platform's own metrics (meter <see cref="MeterName"/>), exported by OpenTelemetry where the app configures it:
/// predictions served (rows, by model and version) and not logged; training runs ended (by model and outcome) and their
/// duration; drift reports (by model and status) with each feature's PSI; what the monitor did about them (by model and
/// action) and the alerts it raised.
/// </summary>
public sealed class MlopsMetrics : IDisposable
{
    public const string MeterName = "MlopsServerless";

    readonly Meter _meter = new(MeterName, typeof(MlopsMetrics).Assembly.GetName().Version?.ToString());
    readonly Counter<long> _predictions;
    readonly Counter<long> _notLogged;
    readonly Counter<long> _runs;
    readonly Histogram<double> _runSeconds;
    readonly Counter<long> _driftReports;
    readonly Histogram<double> _featurePsi;
    readonly Counter<long> _driftActions;
    readonly Counter<long> _driftAlerts;

    public MlopsMetrics()
    {
        _predictions = _meter.CreateCounter<long>("mlops.predictions", "{row}", "Rows answered by predict, by model and version");
        _notLogged = _meter.CreateCounter<long>("mlops.prediction_log.dropped", "{request}", "Served requests not logged: the log buffer was full, or a single row was too large for a log page");
        _runs = _meter.CreateCounter<long>("mlops.training.runs", "{run}", "Training runs that ended, by model and outcome");
        _runSeconds = _meter.CreateHistogram<double>("mlops.training.duration", "s", "Seconds from a run's first step to its end");
        _driftReports = _meter.CreateCounter<long>("mlops.drift.reports", "{report}", "Drift reports, by model, status and whether drift was detected");
        _featurePsi = _meter.CreateHistogram<double>("mlops.drift.feature_psi", "1", "PSI of each feature in each computed drift report");
        _driftActions = _meter.CreateCounter<long>("mlops.drift.actions", "{action}", "What the drift monitor did about each report, by model and action");
        _driftAlerts = _meter.CreateCounter<long>("mlops.drift.alerts", "{alert}",
            "Drift alerts: drift or a health drop under the alert policy, or under the retrain policy with no new labelled data; by model and action");
    }

    public void Served(PredictionLogEntry entry) =>
        _predictions.Add(entry.Inputs.Count, new("model", entry.Model), new("version", entry.Version));

    public void NotLogged(PredictionLogEntry entry) => _notLogged.Add(1, new KeyValuePair<string, object?>("model", entry.Model));

    public void RunSaved(TrainingRun run)
    {
        if (!run.Status.HasEnded())
        {
            return;
        }

        var tags = new TagList { { "model", run.Model }, { "outcome", run.Status.ToString() } };
        _runs.Add(1, tags);
        if (run.Progress?.Steps is [{ } first, ..] steps && steps[^1].EndedAt is { } end)
        {
            _runSeconds.Record((end - first.StartedAt).TotalSeconds, tags);
        }
    }

    public void DriftReported(DriftReport report)
    {
        _driftReports.Add(1, new("model", report.Model), new("status", report.Status.ToString()), new("drift", report.DriftDetected));
        foreach ((string feature, FeatureDrift drift) in report.Features)
        {
            _featurePsi.Record(drift.Psi, new("model", report.Model), new("feature", feature));
        }
    }

    public void DriftActed(string model, DriftActionTaken action)
    {
        var tags = new TagList { { "model", model }, { "action", action.Kind.ToString() } };
        _driftActions.Add(1, tags);
        if (action.Alerted)
        {
            _driftAlerts.Add(1, tags);
        }
    }

    public void Dispose() => _meter.Dispose();
}
