using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Demo;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Storage;

namespace MlopsServerless.LocalHost.Demo;

/// <summary>
/// With <see cref="LocalHostOptions.Demo"/>: uploads a generated dataset like a data team would, waits until the
/// platform has trained and promoted its first champion, and prints a prediction request that works.
/// </summary>
internal sealed class DemoRunner(
    IOptions<LocalHostOptions> options,
    StorageClients storage,
    ModelRegistry registry,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<DemoRunner> logger) : BackgroundService
{
    public const string Model = "churn-demo";
    const int DemoRows = 2000;
    const int DemoSeed = 7;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Demo || !await WaitForStartAsync(stoppingToken))
        {
            return;
        }

        if (await registry.GetChampionAsync(Model, stoppingToken) is null)
        {
            string blobName = $"{Model}/customers-{DemoSeed}.csv";
            var blob = storage.Container(StorageNames.Containers.TrainingData).GetBlobClient(blobName);
            await blob.UploadAsync(BinaryData.FromString(new DemoDataset(DemoRows, DemoSeed).ToCsv()), overwrite: true, stoppingToken);
            logger.LogInformation("Demo: uploaded {Rows} rows to training-data/{BlobName}; waiting for the first champion", DemoRows, blobName);
        }

        Champion? champion;
        while ((champion = await registry.GetChampionAsync(Model, stoppingToken)) is null)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
        }

        string baseUrl = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:7071";
        string row = JsonSerializer.Serialize(new DemoDataset(1, 99).FileRows()[0]);
        var message = new StringBuilder()
            .AppendLine()
            .AppendLine($"Demo ready: {Model} v{champion.Version} is champion ({champion.Metrics.PrimaryMetric} {champion.Metrics.PrimaryValue:0.###}).")
            .AppendLine("Try (a row as it is in the file: the id and the label are ignored and listed as such):")
            .AppendLine($"  curl -s -X POST {baseUrl}/api/models/{Model}/predict -H 'Content-Type: application/json' -d '{row}'")
            .AppendLine($"  curl -s {baseUrl}/api/models/{Model}")
            .AppendLine("Press Ctrl-C to stop.");
        Console.WriteLine(message.ToString());
    }

    async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(started.SetResult);
        try
        {
            await started.Task.WaitAsync(stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
