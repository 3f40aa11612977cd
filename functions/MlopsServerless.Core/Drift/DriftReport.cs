using System.Text.Json.Serialization;

namespace MlopsServerless.Core.Drift;

[JsonConverter(typeof(JsonStringEnumConverter<DriftReportStatus>))]
public enum DriftReportStatus
{
    Computed,
    InsufficientData,
}

/// <summary>
/// Drift of a champion's served inputs and predictions in a time window against its training reference: per feature
/// (numeric, boolean and categorical alike) and for the predictions, as PSI.
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
    bool DriftDetected);
