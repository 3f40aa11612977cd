using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using MlopsServerless.Core.Demo;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Functions.Tests.EndToEnd;

/// <summary>
/// The dashboard in a real browser (Debian's chromium, headless, through Playwright; <c>scripts/prerequisites.sh</c>
/// installs it) against the local host, after a model was trained and served drifted traffic: the page draws the
/// values the API serves, and loads without a console error or a failed request. Its own host and Azurite, so the
/// page shows this test's model only.
/// </summary>
public sealed class DashboardBrowserTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    const string Chromium = "/usr/bin/chromium";
    const string DriftedFeature = "tenure_months";

    [Fact]
    public async Task Dashboard_AfterDriftedTraffic_DrawsTheServedDriftAndTheChampion_WithoutConsoleErrors()
    {
        HttpResponseMessage empty = await host.Http.GetAsync("/api/dashboard");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("text/html; charset=utf-8", empty.Content.Headers.ContentType!.ToString());
        Assert.Contains("No models yet", await empty.Content.ReadAsStringAsync());

        string model = UniqueNames.Model("dash");
        await host.TrainingData.GetBlobClient($"{model}/customers.csv").UploadAsync(BinaryData.FromString(new DemoDataset(800, 11).ToCsv()));
        await host.Http.WaitForModelAsync(model, o => o["champion"]?["version"] is not null);
        HttpResponseMessage traffic = await host.Http.PostAsync($"/api/models/{model}/predict",
            JsonContent.Create(new DemoDataset(200, 12, Shift: 1.0).FileRows()));
        Assert.Equal(HttpStatusCode.OK, traffic.StatusCode);
        HttpResponseMessage drift = await host.Http.PostAsync("/api/drift/run", null);
        Assert.Equal(HttpStatusCode.OK, drift.StatusCode);
        JsonNode report = JsonNode.Parse(await drift.Content.ReadAsStringAsync())!.AsArray().Single(r => r!["model"]!.GetValue<string>() == model)!;
        JsonObject features = report["features"]!.AsObject();
        Assert.True(features[DriftedFeature]!["drifted"]!.GetValue<bool>());

        var consoleErrors = new List<string>();
        var failedRequests = new List<string>();
        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        IPage page = await browser.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                consoleErrors.Add($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => consoleErrors.Add($"page error: {error}");
        page.RequestFailed += (_, request) => failedRequests.Add($"{request.Url}: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failedRequests.Add($"{response.Url}: {response.Status}");
            }
        };

        IResponse? loaded = await page.GotoAsync(new Uri(host.Http.BaseAddress!, "/api/dashboard").ToString());

        Assert.Equal(200, loaded!.Status);
        ILocator section = page.Locator($"section[data-model='{model}']");
        Assert.Equal(1, await section.CountAsync());
        foreach ((string feature, JsonNode? served) in features)
        {
            ILocator cell = section.Locator($"rect.cell[data-feature='{feature}']");
            Assert.Equal(1, await cell.CountAsync());
            Assert.Equal(served!["drifted"]!.GetValue<bool>() ? "true" : "false", await cell.GetAttributeAsync("data-drifted"));
            Assert.Equal(served["threshold"]!.GetValue<double>(), Number(await cell.GetAttributeAsync("data-threshold")));
            Assert.Equal(served["statistic"]?.GetValue<double>(), NumberOrNull(await cell.GetAttributeAsync("data-statistic")));
            Assert.Equal(served["method"]!.GetValue<string>(), await cell.GetAttributeAsync("data-method"));
        }

        ILocator driftedCell = section.Locator($"rect.cell[data-feature='{DriftedFeature}']");
        Assert.Contains("drifted", (await driftedCell.GetAttributeAsync("class"))!.Split(' '));
        Assert.True(await driftedCell.IsVisibleAsync());
        Assert.True((await driftedCell.BoundingBoxAsync())!.Width > 0);
        Assert.Equal(1, await section.Locator("rect.window[data-drift-detected='true']").CountAsync());

        ILocator championRow = section.Locator("table[data-table='versions'] tr[data-champion='true']");
        Assert.Equal("1", await championRow.GetAttributeAsync("data-version"));
        Assert.Equal("champion", (await championRow.Locator(".badge.alias").InnerTextAsync()).Trim());
        Assert.Equal(1, await section.Locator("figure[data-chart='versions'] circle[data-series='auc (test rows)'][data-version='1']").CountAsync());
        Assert.Equal(1, await section.Locator("g.span.current[data-alias='champion'][data-version='1']").CountAsync());
        Assert.Equal(report["health"]!["estimatedAccuracy"]!.GetValue<double>(),
            Number(await section.Locator("figure[data-chart='performance'] circle[data-series='estimated without labels (CBPE)']").GetAttributeAsync("data-value")));
        Assert.True(await section.Locator("figure[data-chart='importance'] rect[data-importance]").CountAsync() > 0);
        Assert.Equal("Promoted", await section.Locator("table[data-table='runs'] tr[data-run]").First.GetAttributeAsync("data-status"));

        Assert.Empty(consoleErrors);
        Assert.Empty(failedRequests);

        HttpResponseMessage filtered = await host.Http.GetAsync($"/api/dashboard?model={model}");
        Assert.Equal(HttpStatusCode.OK, filtered.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync($"/api/dashboard?model={UniqueNames.Model("none")}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Http.GetAsync("/api/dashboard?model=Not_A_Model")).StatusCode);
    }

    static double Number(string? value) => double.Parse(value!, CultureInfo.InvariantCulture);

    static double? NumberOrNull(string? value) => string.IsNullOrEmpty(value) ? null : Number(value);
}
