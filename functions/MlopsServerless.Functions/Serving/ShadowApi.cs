using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MlopsServerless.Core.Shadow;
using MlopsServerless.Functions.Http;

namespace MlopsServerless.Functions.Serving;

/// <summary><c>GET /api/models/{model}/shadow</c>: how the challenger compared with the champion on shadowed live traffic.</summary>
public sealed class ShadowApi(ShadowReports reports)
{
    [Function(nameof(GetShadowSummary))]
    public async Task<IActionResult> GetShadowSummary(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "models/{model}/shadow")] HttpRequest request,
        string model,
        CancellationToken cancellationToken) =>
        RouteValues.CheckModelName(model) ?? new OkObjectResult(await reports.SummariseAsync(model, cancellationToken));
}
