using System.Text.Json.Serialization;
using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Drift;

/// <summary>What the drift monitor did about a report.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DriftActionKind>))]
public enum DriftActionKind
{
    /// <summary>No drift and no health drop (or not enough data): nothing to do.</summary>
    None,

    /// <summary>Drift under the <c>alert</c> policy: alerted, nothing else.</summary>
    Alert,

    /// <summary>Drift under the <c>retrain</c> policy with new labelled data: a training run was queued on it.</summary>
    RetrainQueued,

    /// <summary>Drift under the <c>retrain</c> policy while a run of the model is queued or running: nothing queued.</summary>
    RetrainUnderWay,

    /// <summary>Drift under the <c>retrain</c> policy and no labelled data newer than the champion's: alerted, nothing queued.</summary>
    NoNewLabels,
}

/// <summary>
/// The action the drift monitor took on one report, stored on the report (<see cref="DriftReport.Action"/>):
/// its <see cref="Kind"/>, the model's <see cref="Policy"/> (model.json <c>driftAction</c>), why, the report's
/// <see cref="Signals"/> (dataset drift, prediction drift, a health drop; empty when there was none) and whether an
/// alert was raised (a warning log and the <c>mlops.drift.alerts</c> counter). A queued retrain names its run and the
/// data it reads (<see cref="TrainingData"/>: the upload, or a snapshot the monitor assembled, with its
/// <see cref="Lineage"/>).
/// </summary>
public sealed record DriftActionTaken(
    DriftActionKind Kind,
    DriftAction Policy,
    string Reason,
    IReadOnlyList<string> Signals,
    bool Alerted,
    string? RunId = null,
    string? TrainingData = null,
    DatasetLineage? Lineage = null);
