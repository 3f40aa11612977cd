using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Drift;

namespace MlopsServerless.Functions.Drift;

/// <summary>Drift of every champion: on the CRON schedule from settings, or on demand.</summary>
public sealed class DriftFunctions(DriftMonitor monitor)
{
    [Function(nameof(MeasureDriftOnSchedule))]
    public Task MeasureDriftOnSchedule(
        [TimerTrigger("%" + SettingKeys.DriftSchedule + "%")] TimerInfo timer,
        CancellationToken cancellationToken) =>
        monitor.RunAsync(cancellationToken);

    [Function(nameof(MeasureDriftNow))]
    public async Task<IActionResult> MeasureDriftNow(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "drift/run")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new OkObjectResult(await monitor.RunAsync(cancellationToken));
}
