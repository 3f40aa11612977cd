using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MlopsServerless.Core.Dashboard;
using MlopsServerless.Core.Dashboard.Rendering;
using MlopsServerless.Functions.Http;

namespace MlopsServerless.Functions.Dashboard;

/// <summary><c>GET /api/dashboard[?model=]</c>: one server-drawn HTML page over every model (or one), at the read API's auth level.</summary>
public sealed class DashboardApi(DashboardService dashboard)
{
    public const string ModelQuery = "model";

    [Function(nameof(GetDashboard))]
    public async Task<IActionResult> GetDashboard(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "dashboard")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        string? model = request.Query.TryGetValue(ModelQuery, out var values) && !string.IsNullOrEmpty(values.ToString()) ? values.ToString() : null;
        if (model is not null && RouteValues.CheckModelName(model) is { } invalidName)
        {
            return invalidName;
        }

        RenderedDashboard page = await dashboard.RenderAsync(model, cancellationToken);
        return new ContentResult
        {
            Content = page.Html,
            ContentType = DashboardPage.ContentType,
            StatusCode = page.Found ? StatusCodes.Status200OK : StatusCodes.Status404NotFound,
        };
    }
}
