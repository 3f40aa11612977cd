using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using MlopsServerless.Core.Storage;

namespace MlopsServerless.LocalHost.Triggers;

/// <summary>
/// Stands in for Event Grid's BlobCreated events: polls each blob-triggered container and calls the blob function for
/// every blob that is new or changed (by ETag) since it last looked. On start it delivers what is already there;
/// the function itself ignores uploads it has already started a run for, as it must on Azure too.
/// </summary>
internal sealed class BlobTriggerWatcher(
    IServiceProvider services,
    StorageClients storage,
    DurableTaskClient durableClient,
    IOptions<LocalHostOptions> options,
    FunctionAssembly functionsAssembly,
    ILogger<BlobTriggerWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var triggers = FunctionTriggers.Find<BlobTriggerAttribute>(functionsAssembly.Assembly)
            .Select(t => (t.Function, Path: BlobTriggerPath.Parse(t.Trigger.BlobPath)))
            .ToList();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.BlobPollMilliseconds));
        do
        {
            foreach ((FunctionMethod function, BlobTriggerPath path) in triggers)
            {
                try
                {
                    await PollAsync(function, storage.Container(path.Container), seen, stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(exception, "Blob trigger {Function} failed; retrying on the next poll", function.Name);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    async Task PollAsync(FunctionMethod function, BlobContainerClient container, Dictionary<string, string> seen, CancellationToken cancellationToken)
    {
        await foreach (BlobItem item in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            string key = $"{container.Name}/{item.Name}";
            string etag = item.Properties.ETag?.ToString() ?? string.Empty;
            if (seen.TryGetValue(key, out string? known) && known == etag)
            {
                continue;
            }

            object?[] arguments = function.BindArguments(parameter => parameter.ParameterType switch
            {
                var t when t == typeof(BlobClient) => container.GetBlobClient(item.Name),
                var t when t == typeof(string) && parameter.Name == "name" => item.Name,
                var t when t == typeof(DurableTaskClient) => durableClient,
                var t when t == typeof(CancellationToken) => cancellationToken,
                _ => null,
            });
            await function.InvokeAsync(services, arguments);
            seen[key] = etag;
        }
    }
}
