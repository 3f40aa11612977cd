using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Registry;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Core.Tests.Drift;

/// <summary>The DriftReports table against a real Azurite: reports by time window (one range query on the reverse-time row key) and the latest acted on.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DriftReportStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    CoreTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync(azurite.ConnectionString);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ListAsync_Window_ReturnsTheReportsComputedInIt_BoundsIncluded_NewestFirst()
    {
        string model = UniqueNames.Model();
        string other = UniqueNames.Model();
        var store = _host.Get<DriftReportStore>();
        foreach (int hour in Enumerable.Range(0, 6))
        {
            await store.SaveAsync(Report(model, Start.AddHours(hour)), default);
        }

        await store.SaveAsync(Report(other, Start.AddHours(2)), default);

        IReadOnlyList<DriftReport> window = await store.ListAsync(model, Start.AddHours(1), Start.AddHours(4), default);
        IReadOnlyList<DriftReport> between = await store.ListAsync(model, Start.AddMinutes(61), Start.AddMinutes(179), default);
        IReadOnlyList<DriftReport> before = await store.ListAsync(model, Start.AddDays(-2), Start.AddDays(-1), default);

        Assert.Equal([4, 3, 2, 1], window.Select(r => (int)(r.ComputedAt - Start).TotalHours));
        Assert.All(window, r => Assert.Equal(model, r.Model));
        Assert.Equal([2], between.Select(r => (int)(r.ComputedAt - Start).TotalHours));
        Assert.Empty(before);
    }

    [Fact]
    public async Task GetLatestActionAsync_SkipsNewerReportsWithoutAnAction()
    {
        string model = UniqueNames.Model();
        var store = _host.Get<DriftReportStore>();
        DriftActionTaken alert = new(DriftActionKind.Alert, DriftAction.Alert, "drift", ["dataset drift"], Alerted: true);
        DriftActionTaken nothing = new(DriftActionKind.None, DriftAction.Alert, "no drift", [], Alerted: false);
        await store.SaveAsync(Report(model, Start) with { Action = alert }, default);
        await store.SaveAsync(Report(model, Start.AddHours(1)) with { Action = nothing }, default);
        await store.SaveAsync(Report(model, Start.AddHours(2)), default);

        DriftReport? acted = await store.GetLatestActionAsync(model, default);

        Assert.Equal((Start, DriftActionKind.Alert), (acted!.ComputedAt, acted.Action!.Kind));
        Assert.Equal(Start.AddHours(2), (await store.GetLatestAsync(model, default))!.ComputedAt);
        Assert.Null(await store.GetLatestActionAsync(UniqueNames.Model(), default));
    }

    [Fact]
    public async Task GetDriftHistoryAsync_UnknownModel_IsNull()
    {
        var window = new DriftHistoryWindow(Start, Start.AddDays(1));

        Assert.Null(await _host.Get<ModelCatalog>().GetDriftHistoryAsync(UniqueNames.Model(), window, default));
    }

    static DriftReport Report(string model, DateTimeOffset computedAt) =>
        new(model, 1, computedAt.AddHours(-1), computedAt, computedAt, DriftReportStatus.InsufficientData, 0, 0.2,
            new Dictionary<string, FeatureDrift>(), null, [], false, MinimumSamples: 50);
}
