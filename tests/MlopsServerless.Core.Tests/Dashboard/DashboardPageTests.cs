using System.Globalization;
using System.Xml.Linq;
using MlopsServerless.Core.Dashboard;
using MlopsServerless.Core.Dashboard.Rendering;
using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Runs;
using static MlopsServerless.Core.Tests.Dashboard.DashboardViews;

namespace MlopsServerless.Core.Tests.Dashboard;

/// <summary>The page drawn from known records, without storage: what each chart draws, and that data cannot become markup.</summary>
public sealed class DashboardPageTests
{
    [Fact]
    public void Render_DriftedCell_IsDrawnDriftedWithItsThreshold_OthersNot()
    {
        DriftWindow window = Window(1, 1, new Dictionary<string, FeatureDrift>
        {
            ["tenure_months"] = Test(0.001),
            ["usage_hours"] = Distance(0.04),
            ["contract"] = NotEnoughData(),
        }, drifted: true);

        XDocument page = Parse(DashboardPage.Render(new DashboardView(Start, null, [Model("churn", [Version(1, 0.9, "champion")], drift: [window])])));

        XElement[] cells = page.WithClass("rect", "cell").ToArray();
        Assert.Equal(["contract", "tenure_months", "usage_hours"], cells.Select(c => c.Data("feature")).Order());
        XElement drifted = Assert.Single(page.WithClass("rect", "drifted"), c => c.Data("feature") is not null);
        Assert.Equal(("tenure_months", "true", "ks", "0.05", "0.001"),
            (drifted.Data("feature"), drifted.Data("drifted"), drifted.Data("method"), drifted.Data("threshold"), drifted.Data("p-value")));
        Assert.Equal(DriftHeatmap.Fill(Test(0.001)), (string?)drifted.Attribute("fill"));
        Assert.Contains("p = 0.001 < 0.05", drifted.Element("title")!.Value);
        Assert.Contains("drifted", drifted.Element("title")!.Value);
        XElement ok = cells.Single(c => c.Data("feature") == "usage_hours");
        Assert.Equal(("false", "wasserstein", "0.1", "0.04"), (ok.Data("drifted"), ok.Data("method"), ok.Data("threshold"), ok.Data("statistic")));
        Assert.Contains("ok", ((string)ok.Attribute("class")!).Split(' '));
        XElement insufficient = cells.Single(c => c.Data("feature") == "contract");
        Assert.Equal(("InsufficientData", "#d9d9d9"), (insufficient.Data("status"), (string?)insufficient.Attribute("fill")));
        Assert.Single(page.WithClass("line", "threshold"));
        Assert.Equal("true", Assert.Single(page.WithClass("rect", "window")).Data("drift-detected"));
    }

    [Fact]
    public void Render_WindowsTheMonitorActedOn_AreMarkedWithTheActionAndItsReason()
    {
        var features = new Dictionary<string, FeatureDrift> { ["tenure_months"] = Test(0.001) };
        DriftWindow quiet = Window(1, 1, features) with { Action = new DriftActionTaken(DriftActionKind.None, DriftAction.Retrain, "no drift", [], false) };
        DriftWindow retrained = Window(2, 1, features, drifted: true) with
        {
            Action = new DriftActionTaken(DriftActionKind.RetrainQueued, DriftAction.Retrain, "dataset drift <b>1 of 1</b>", ["dataset drift"], false,
                RunId: "churn-retrain-1"),
        };
        DriftWindow alerted = Window(3, 1, features, drifted: true) with
        {
            Action = new DriftActionTaken(DriftActionKind.NoNewLabels, DriftAction.Retrain, "drift, no new labels", ["dataset drift"], true),
        };

        XDocument page = Parse(DashboardPage.Render(new DashboardView(Start, null,
            [Model("churn", [Version(1, 0.9, "champion")], drift: [quiet, retrained, alerted])])));

        XElement[] marks = page.WithClass("circle", "action").ToArray();
        Assert.Equal([nameof(DriftActionKind.RetrainQueued), nameof(DriftActionKind.NoNewLabels)], marks.Select(m => m.Data("action")));
        Assert.Equal(("churn-retrain-1", "RetrainQueued: dataset drift <b>1 of 1</b>"), (marks[0].Data("run-id"), marks[0].Element("title")!.Value));
        Assert.Equal(["action", "alerted"], ((string)marks[1].Attribute("class")!).Split(' '));
    }

    [Theory]
    [InlineData(0.01, 5)]
    [InlineData(0.05, 1)]
    [InlineData(0.5, 0.1)]
    public void Severity_OfATest_IsTheThresholdOverThePValue(double pValue, double expected) =>
        Assert.Equal(expected, DriftHeatmap.Severity(Test(pValue)), 9);

    [Fact]
    public void Severity_OfADistance_IsTheDistanceOverTheThreshold_AndNothingWithoutData()
    {
        Assert.Equal(3, DriftHeatmap.Severity(Distance(0.3)), 9);
        Assert.Equal(0, DriftHeatmap.Severity(NotEnoughData()));
    }

    [Fact]
    public void Fill_DriftedIsRedderThanNotDrifted_AndDeeperWithSeverity()
    {
        static int Red(string fill) => int.Parse(fill[1..3], NumberStyles.HexNumber);
        static int Green(string fill) => int.Parse(fill[3..5], NumberStyles.HexNumber);

        string calm = DriftHeatmap.Fill(Distance(0.01)), near = DriftHeatmap.Fill(Distance(0.09));
        string crossed = DriftHeatmap.Fill(Distance(0.1)), far = DriftHeatmap.Fill(Distance(5));

        Assert.True(Green(calm) > Red(calm));
        Assert.True(Red(crossed) > Green(crossed) && Red(far) > Green(far));
        Assert.True(Green(far) < Green(crossed) && Green(crossed) < Green(near));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void Render_NVersions_GiveNPointsOnTheMetricsChart_AtTheirValues_AndTheChampionMarked(int count)
    {
        VersionView[] versions = Enumerable.Range(1, count).Select(v => Version(v, 0.7 + v / 100.0, v == count ? ["champion"] : [])).ToArray();

        XDocument page = Parse(DashboardPage.Render(new DashboardView(Start, null, [Model("churn", versions)])));

        XElement chart = page.Descendants("figure").Single(f => f.Data("chart") == "versions");
        XElement[] points = chart.Descendants("circle").Where(c => c.Data("series") == "auc (test rows)").ToArray();
        Assert.Equal(count, points.Length);
        Assert.Equal(versions.Select(v => (v.Version.ToString(CultureInfo.InvariantCulture), v.Metrics.PrimaryValue.ToString("R", CultureInfo.InvariantCulture))),
            points.Select(p => (p.Data("version")!, p.Data("value")!)));
        Assert.Equal(count.ToString(CultureInfo.InvariantCulture), Assert.Single(chart.Descendants("circle"), c => c.Data("series") == "champion now").Data("version"));
        Assert.Equal("true", page.Descendants("tr").Single(r => r.Data("version") == count.ToString(CultureInfo.InvariantCulture)).Data("champion"));
        Assert.Equal(Math.Min(count, DashboardLimits.MaxImportanceVersions),
            page.Descendants("rect").Count(r => r.Data("importance") is not null && r.Data("feature") == "tenure_months"));
    }

    [Fact]
    public void Render_HostileModelColumnTagAndMessage_AreEscaped_NeverMarkup()
    {
        const string hostile = "\"><script>alert('x')</script><img src=x onerror=alert(1)>&amp;";
        VersionView version = Version(1, 0.9, "champion") with
        {
            Tags = new Dictionary<string, string> { ["owner"] = hostile },
            Importance = new Dictionary<string, double> { [hostile] = 0.3 },
        };
        DriftWindow window = Window(1, 1, new Dictionary<string, FeatureDrift> { [hostile] = Test(0.001) }, drifted: true);
        ServingSpan span = new("champion", 1, Start, null, hostile, hostile);
        RunView run = Run(hostile, TrainingRunStatus.Failed, (hostile, 2)) with { Message = hostile };
        ModelView model = Model(hostile, [version], [window], [span], runs: [run]);

        string html = DashboardPage.Render(new DashboardView(Start, hostile, [model]));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html);
        XDocument page = Parse(html);
        Assert.Equal(hostile, Assert.Single(page.Descendants("section")).Data("model"));
        Assert.Equal(hostile, Assert.Single(page.WithClass("rect", "cell")).Data("feature"));
        Assert.Equal(hostile, page.Descendants("rect").Single(r => r.Data("importance") is not null).Data("feature"));
        Assert.Equal(hostile, Assert.Single(page.Descendants("tr"), r => r.Data("run") is not null).Data("run"));
        Assert.Contains($"owner={hostile}", page.Descendants("span").Single(s => (string?)s.Attribute("class") == "tag").Value);
        Assert.StartsWith(hostile, page.Root!.Element("head")!.Element("title")!.Value);
    }

    [Fact]
    public void Render_NoModels_SaysThereAreNoModelsYet_UnknownFilter_SaysSo()
    {
        XDocument empty = Parse(DashboardPage.Render(new DashboardView(Start, null, [])));
        XDocument unknown = Parse(DashboardPage.Render(new DashboardView(Start, "churn", [])));

        Assert.Contains("No models yet", Assert.Single(empty.Descendants("p"), p => p.Data("empty") == "registry").Value);
        Assert.Contains("'churn'", Assert.Single(unknown.Descendants("p"), p => p.Data("empty") == "model").Value);
        Assert.Empty(empty.Descendants("section"));
    }

    [Fact]
    public void Render_Page_FetchesNothing_AndRunsNoScript()
    {
        string html = DashboardPage.Render(new DashboardView(Start, null, [Model("churn", [Version(1, 0.9, "champion")],
            [Window(1, 1, new Dictionary<string, FeatureDrift> { ["x"] = Test(0.5) })])]));

        XDocument page = Parse(html);
        Assert.Empty(page.Descendants("script"));
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.Contains("default-src 'none'", (string?)page.Descendants("meta").Single(m => (string?)m.Attribute("http-equiv") == "Content-Security-Policy").Attribute("content"));
    }

    [Fact]
    public void Render_ServingSpans_OneBarPerHolder_TheCurrentOneUpToNow()
    {
        ServingSpan[] spans =
        [
            new("champion", 1, Start, Start.AddDays(2), "pipeline", "first version"),
            new("champion", 2, Start.AddDays(2), null, "pipeline", "auc 0.91 beats 0.88"),
            new("challenger", 3, Start.AddDays(3), null, "alice", "trial"),
        ];

        XDocument page = Parse(DashboardPage.Render(new DashboardView(Start.AddDays(4), null,
            [Model("churn", [Version(1, 0.88), Version(2, 0.91, "champion"), Version(3, 0.9, "challenger")], serving: spans)])));

        XElement[] bars = page.WithClass("g", "span").ToArray();
        Assert.Equal([("champion", "1"), ("champion", "2"), ("challenger", "3")], bars.Select(b => (b.Data("alias")!, b.Data("version")!)));
        Assert.Equal(["2", "3"], page.WithClass("g", "current").Select(b => b.Data("version")!));
        Assert.Equal("2026-11-03T00:00:00Z", bars[0].Data("to"));
    }

    [Fact]
    public void Render_Performance_DrawsEstimatedLiveAndTest_PerWindow()
    {
        PerformancePoint[] points =
        [
            new(Start.AddHours(1), 1, "accuracy", 0.86, null, 0, 0.85, MaxDrop: 0.05),
            new(Start.AddHours(2), 1, "accuracy", 0.78, 0.74, 120, 0.85, MaxDrop: 0.05),
        ];

        XDocument page = Parse(DashboardPage.Render(new DashboardView(Start, null, [Model("churn", [Version(1, 0.9, "champion")], performance: points)])));

        XElement chart = page.Descendants("figure").Single(f => f.Data("chart") == "performance");
        string[] Values(string series) => chart.Descendants("circle").Where(c => c.Data("series") == series).Select(c => c.Data("value")!).ToArray();
        Assert.Equal(["0.86", "0.78"], Values("estimated without labels (CBPE)"));
        Assert.Equal(["0.74"], Values("live (labels from feedback)"));
        Assert.Equal(["0.85", "0.85"], Values("test rows of the version"));
        Assert.Equal(2, Values("alert below (test − 0.05)").Length);
    }

    [Fact]
    public void Render_Runs_ShowOutcomeAndEachStepOnOneScale()
    {
        RunView fast = Run("churn-1", TrainingRunStatus.Promoted, ("Validating", 1), ("Training", 3));
        RunView slow = Run("churn-2", TrainingRunStatus.Failed, ("Validating", 2), ("Training", 6));

        XDocument page = Parse(DashboardPage.Render(new DashboardView(Start, null, [Model("churn", [], runs: [slow, fast])])));

        XElement[] rows = page.Descendants("tr").Where(r => r.Data("run") is not null).ToArray();
        Assert.Equal([("churn-2", "Failed", "8"), ("churn-1", "Promoted", "4")], rows.Select(r => (r.Data("run")!, r.Data("status")!, r.Data("seconds")!)));
        double Width(string run, string step) => double.Parse((string)rows.Single(r => r.Data("run") == run).Descendants("rect")
            .Single(s => s.Data("step") == step).Attribute("width")!, CultureInfo.InvariantCulture);
        Assert.Equal(2 * Width("churn-1", "Training"), Width("churn-2", "Training"), 1);
        Assert.Equal(220, Width("churn-2", "Validating") + Width("churn-2", "Training"), 1);
    }
}
