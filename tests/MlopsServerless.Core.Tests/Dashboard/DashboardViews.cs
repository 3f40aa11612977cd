using System.Xml;
using System.Xml.Linq;
using MlopsServerless.Core.Dashboard;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Drift.Statistics;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Runs;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Tests.Dashboard;

/// <summary>Known view records for the renderer's tests, and the page parsed as XML (the renderer writes well-formed markup).</summary>
internal static class DashboardViews
{
    public static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static VersionView Version(int version, double auc, params string[] aliases) => new(
        version,
        Start.AddDays(version),
        "FastTree",
        new ModelMetrics("auc", auc, true, 100, new Dictionary<string, double> { ["auc"] = auc, ["accuracy"] = auc - 0.1 }),
        aliases,
        false,
        new Dictionary<string, string>(),
        new Dictionary<string, double> { ["tenure_months"] = 0.2 * version, ["contract"] = 0.05 },
        FitVerdict.Ok);

    public static FeatureDrift Test(double pValue, DriftMethod method = DriftMethod.Ks) => new(ColumnKind.Numeric, DriftReportStatus.Computed,
        method, 0.4, pValue, DriftMethods.PValueThreshold, pValue < DriftMethods.PValueThreshold, 0.3, 800, 200, 0, 0, null);

    public static FeatureDrift Distance(double value) => new(ColumnKind.Numeric, DriftReportStatus.Computed, DriftMethod.Wasserstein, value,
        null, DriftMethods.DistanceThreshold, value >= DriftMethods.DistanceThreshold, 0.1, 5000, 200, 0, 0, null);

    public static FeatureDrift NotEnoughData() => new(ColumnKind.Categorical, DriftReportStatus.InsufficientData, DriftMethod.ChiSquare, null, null,
        DriftMethods.PValueThreshold, false, 0, 800, 12, 0, 0, 0);

    public static DriftWindow Window(int day, int version, IReadOnlyDictionary<string, FeatureDrift> features, bool drifted = false) => new(
        Start.AddDays(day), Start.AddDays(day).AddHours(1), version, DriftReportStatus.Computed, 200, drifted, features, null);

    public static ModelView Model(string name, IReadOnlyList<VersionView> versions, IReadOnlyList<DriftWindow>? drift = null,
        IReadOnlyList<ServingSpan>? serving = null, IReadOnlyList<PerformancePoint>? performance = null, IReadOnlyList<RunView>? runs = null) => new(
        name,
        ModelTask.Binary,
        versions.FirstOrDefault(v => v.Aliases.Contains("champion"))?.Version,
        versions,
        serving ?? [],
        drift ?? [],
        performance ?? [],
        runs ?? []);

    public static RunView Run(string runId, TrainingRunStatus status, params (string Step, double Seconds)[] steps)
    {
        DateTime at = Start.UtcDateTime;
        var timings = new List<StepTiming>();
        foreach ((string step, double seconds) in steps)
        {
            timings.Add(new StepTiming(step, at, at.AddSeconds(seconds)));
            at = at.AddSeconds(seconds);
        }

        return new RunView(runId, status, Start.AddDays(1), status == TrainingRunStatus.Promoted ? 1 : null, null, timings);
    }

    public static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    public static IEnumerable<XElement> WithClass(this XContainer root, string name, string cssClass) =>
        root.Descendants(name).Where(e => ((string?)e.Attribute("class") ?? string.Empty).Split(' ').Contains(cssClass));

    public static string? Data(this XElement element, string name) => (string?)element.Attribute("data-" + name);
}
