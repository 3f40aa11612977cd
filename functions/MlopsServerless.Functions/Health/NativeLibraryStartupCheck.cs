using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Functions.Health;

/// <summary>Probes the native libraries when the host starts, so that a missing one shows in the logs before any run needs it.</summary>
public sealed class NativeLibraryStartupCheck(NativeLibraryProbe probe, ILogger<NativeLibraryStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (probe.LightGbm is { Available: false, Reason: var reason })
        {
            logger.LogWarning("LightGbm is unavailable on this host: {Reason}", reason);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
