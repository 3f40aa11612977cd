using System.Text.Json.Serialization;

namespace MlopsServerless.Core.Drift.Statistics;

/// <summary>
/// How one column's served values are compared with its training reference. The JSON names are Evidently's stattest
/// names, so a model.json reads <c>"driftMethods": {"age": "wasserstein"}</c>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<DriftMethod>))]
public enum DriftMethod
{
    /// <summary>Two-sample Kolmogorov–Smirnov test (numeric): drift when p &lt; 0.05.</summary>
    [JsonStringEnumMemberName("ks")] Ks,

    /// <summary>Chi-squared test of homogeneity on the value counts (categorical, or numeric by value): drift when p &lt; 0.05.</summary>
    [JsonStringEnumMemberName("chisquare")] ChiSquare,

    /// <summary>Two-proportion z-test (two-valued columns): drift when p &lt; 0.05.</summary>
    [JsonStringEnumMemberName("z")] Z,

    /// <summary>Jensen–Shannon distance, base 2, over value frequencies or bins: drift when ≥ 0.1.</summary>
    [JsonStringEnumMemberName("jensenshannon")] JensenShannon,

    /// <summary>Wasserstein-1 distance divided by the reference's standard deviation (numeric): drift when ≥ 0.1.</summary>
    [JsonStringEnumMemberName("wasserstein")] Wasserstein,

    /// <summary>Population stability index over the profile's bins: drift when ≥ <c>MLOPS_DRIFT_PSI_THRESHOLD</c>.</summary>
    [JsonStringEnumMemberName("psi")] Psi,
}

public static class DriftMethods
{
    /// <summary>Drift when a p-value is below this (KS, chi-squared, z).</summary>
    public const double PValueThreshold = 0.05;

    /// <summary>Drift when a distance reaches this (Jensen–Shannon, normed Wasserstein).</summary>
    public const double DistanceThreshold = 0.1;

    /// <summary>Whether the method reports a p-value (drift below the threshold) rather than a distance (drift at or above it).</summary>
    public static bool IsTest(this DriftMethod method) => method is DriftMethod.Ks or DriftMethod.ChiSquare or DriftMethod.Z;

    /// <summary>KS and Wasserstein compare numbers; the others compare any column (numbers by value or by bin).</summary>
    public static bool NeedsNumbers(this DriftMethod method) => method is DriftMethod.Ks or DriftMethod.Wasserstein;

    public static string Name(this DriftMethod method) => method switch
    {
        DriftMethod.Ks => "ks",
        DriftMethod.ChiSquare => "chisquare",
        DriftMethod.Z => "z",
        DriftMethod.JensenShannon => "jensenshannon",
        DriftMethod.Wasserstein => "wasserstein",
        _ => "psi",
    };
}
