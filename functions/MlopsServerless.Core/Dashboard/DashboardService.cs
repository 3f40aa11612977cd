using MlopsServerless.Core.Dashboard.Rendering;

namespace MlopsServerless.Core.Dashboard;

/// <summary>The dashboard page: <see cref="DashboardReader"/> reads, <see cref="DashboardPage"/> draws.</summary>
public sealed class DashboardService(DashboardReader reader)
{
    /// <summary>The page for every model, or for <paramref name="model"/> only; <see cref="RenderedDashboard.Found"/> is false when that model is unknown.</summary>
    public async Task<RenderedDashboard> RenderAsync(string? model, CancellationToken cancellationToken)
    {
        DashboardView view = await reader.ReadAsync(model, cancellationToken);
        return new RenderedDashboard(DashboardPage.Render(view), model is null || view.Models.Count > 0);
    }
}

/// <summary>The page's HTML, and whether the model it was asked for exists (a page for no model at all is still found: it says there are none yet).</summary>
public sealed record RenderedDashboard(string Html, bool Found);
