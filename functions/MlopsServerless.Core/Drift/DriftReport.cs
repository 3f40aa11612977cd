using System.Text.Json.Serialization;

namespace MlopsServerless.Core.Drift;

/// <summary>Whether a report (or one column in it) had enough values to be computed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DriftReportStatus>))]
public enum DriftReportStatus
{
    Computed,
    InsufficientData,
}

/// <summary>
/// Drift of a champion's served inputs and predictions in a time window against its training reference: per feature
/// (numeric, boolean and categorical alike, each by its method; <see cref="DriftedFeatures"/> names those that drifted),
/// the dataset verdict (<see cref="DatasetDrift"/>: the share of features that drifted against
/// <c>MLOPS_DRIFT_DATASET_SHARE</c>), the predictions (<see cref="Prediction"/> by its method, <see cref="PredictionPsi"/>,
/// and for binary classifiers the <see cref="PositiveRate"/> at training and now). <see cref="DriftDetected"/> is dataset
/// drift or prediction drift. <see cref="Health"/>: for binary classifiers, the accuracy estimated without labels (CBPE)
/// against the test accuracy; <see cref="LiveHealth"/>: with feedback, the live metric against the test metric.
/// <see cref="Threshold"/> is the PSI threshold (<c>MLOPS_DRIFT_PSI_THRESHOLD</c>). With fewer than
/// <see cref="MinimumSamples"/> rows the status is <see cref="DriftReportStatus.InsufficientData"/> and nothing else is
/// filled in. <see cref="Action"/>: what the monitor did about it, and why (reports stored before drift acted have none).
/// </summary>
public sealed record DriftReport(
    string Model,
    int ChampionVersion,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    DateTimeOffset ComputedAt,
    DriftReportStatus Status,
    int SampleCount,
    double Threshold,
    IReadOnlyDictionary<string, FeatureDrift> Features,
    double? PredictionPsi,
    IReadOnlyList<string> DriftedFeatures,
    bool DriftDetected,
    DatasetDrift? DatasetDrift = null,
    FeatureDrift? Prediction = null,
    PositiveRate? PositiveRate = null,
    int? MinimumSamples = null,
    ModelHealth? Health = null,
    LiveHealth? LiveHealth = null,
    DriftActionTaken? Action = null);

/// <summary>
/// Dataset drift: of the <see cref="Columns"/> features that had enough data, <see cref="DriftedColumns"/> drifted;
/// the dataset drifted when their <see cref="Share"/> reaches <see cref="Threshold"/> (as Evidently's <c>drift_share</c>).
/// </summary>
public sealed record DatasetDrift(int Columns, int DriftedColumns, double Share, double Threshold, bool Drifted)
{
    public static DatasetDrift Of(IEnumerable<FeatureDrift> features, double threshold)
    {
        FeatureDrift[] computed = features.Where(f => f.Status == DriftReportStatus.Computed).ToArray();
        int drifted = computed.Count(f => f.Drifted);
        double share = computed.Length == 0 ? 0 : drifted / (double)computed.Length;
        return new DatasetDrift(computed.Length, drifted, Math.Round(share, 4), threshold, computed.Length > 0 && share >= threshold);
    }
}

/// <summary>A binary classifier's share of positive predictions on the test rows at training, and in the window.</summary>
public sealed record PositiveRate(double Reference, double Observed);
