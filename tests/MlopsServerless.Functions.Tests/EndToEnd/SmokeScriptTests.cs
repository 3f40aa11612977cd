using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using MlopsServerless.Configuration;
using MlopsServerless.Configuration.Tests.Support;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Functions.Tests.EndToEnd;

/// <summary>
/// scripts/smoke-deployed.sh, the deploy pipeline's post-deploy test, run against the local host and its Azurite: the
/// same script, with uploads through a SAS instead of <c>az --auth-mode login</c>.
/// </summary>
public sealed class SmokeScriptTests : IAsyncLifetime
{
    static readonly TimeSpan ScriptPatience = TimeSpan.FromMinutes(3);

    AzuriteInstance _azurite = null!;
    RunningLocalHost _host = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteInstance.StartAsync();
        _host = await RunningLocalHost.StartAsync(_azurite.ConnectionString, "smoke");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task Script_AgainstTheLocalHost_GetsAChampionPredictsAndRemovesTheModelsBlobs()
    {
        string model = UniqueNames.Model("smoke");

        ScriptResult result = await RunScriptAsync(model, _azurite.ConnectionString, timeoutSeconds: 120);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("passed", result.Output, StringComparison.Ordinal);
        JsonNode overview = JsonNode.Parse(await _host.Http.GetStringAsync($"/api/models/{model}"))!;
        Assert.Equal(1, overview["champion"]!["version"]!.GetValue<int>());
        foreach (string container in StorageNames.Containers.All)
        {
            await foreach (BlobItem left in _host.Storage.Container(container).GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{model}/", CancellationToken.None))
            {
                Assert.Fail($"{container}/{left.Name} was left behind.");
            }
        }
    }

    [Fact]
    public async Task Script_DataTheAppRejects_FailsNamingTheRunsOutcome_AndPrintsTheRunRecord()
    {
        string model = UniqueNames.Model("smoke");

        ScriptResult result = await RunScriptAsync(model, _azurite.ConnectionString, timeoutSeconds: 120, rows: 5);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"FAILED: {model} has no champion: its training run ended Rejected", result.Output, StringComparison.Ordinal);
        Assert.Contains("\"validationReportBlob\"", result.Output, StringComparison.Ordinal);
        Assert.True(await _host.Storage.Container(StorageNames.Containers.TrainingData).GetBlobClient($"{model}/data.csv").ExistsAsync());
    }

    [Fact]
    public async Task Script_UploadThatNeverReachesTheApp_FailsAfterItsTimeoutSayingNoRunWasRecorded()
    {
        string model = UniqueNames.Model("smoke");
        await using AzuriteInstance elsewhere = await AzuriteInstance.StartAsync();

        ScriptResult result = await RunScriptAsync(model, elsewhere.ConnectionString, timeoutSeconds: 3);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"FAILED: {model} has no champion after 3s: no training run was recorded", result.Output, StringComparison.Ordinal);
        Assert.True(await new BlobServiceClient(elsewhere.ConnectionString).GetBlobContainerClient(StorageNames.Containers.TrainingData)
            .GetBlobClient($"{model}/data.csv").ExistsAsync());
    }

    sealed record ScriptResult(int ExitCode, string Output);

    /// <summary>Runs the script against the local host, uploading through a SAS to the Azurite of <paramref name="storageConnectionString"/>.</summary>
    async Task<ScriptResult> RunScriptAsync(string model, string storageConnectionString, int timeoutSeconds, int rows = 200)
    {
        var blobs = new BlobServiceClient(storageConnectionString);
        await blobs.GetBlobContainerClient(StorageNames.Containers.TrainingData).CreateIfNotExistsAsync();
        Uri sas = blobs.GenerateAccountSasUri(AccountSasPermissions.All, DateTimeOffset.UtcNow.AddHours(1), AccountSasResourceTypes.All);

        var startInfo = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        startInfo.ArgumentList.Add(RepositoryFiles.PathOf("scripts", "smoke-deployed.sh"));
        startInfo.Environment["SMOKE_BASE_URL"] = _host.Http.BaseAddress!.ToString();
        startInfo.Environment["SMOKE_UPLOAD"] = "sas";
        startInfo.Environment["SMOKE_BLOB_ENDPOINT"] = blobs.Uri.ToString().TrimEnd('/');
        startInfo.Environment["SMOKE_BLOB_SAS"] = sas.Query.TrimStart('?');
        startInfo.Environment["SMOKE_MODEL"] = model;
        startInfo.Environment["SMOKE_ROWS"] = $"{rows}";
        startInfo.Environment["SMOKE_TIMEOUT_SECONDS"] = $"{timeoutSeconds}";
        startInfo.Environment["SMOKE_POLL_SECONDS"] = "1";
        startInfo.Environment["SMOKE_UPLOAD_RETRY_SECONDS"] = "0";

        using Process process = Process.Start(startInfo)!;
        var output = new StringBuilder();
        Task stdout = PumpAsync(process.StandardOutput, output);
        Task stderr = PumpAsync(process.StandardError, output);
        using var patience = new CancellationTokenSource(ScriptPatience);
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"smoke-deployed.sh did not finish in {ScriptPatience}: {output}");
        }

        await Task.WhenAll(stdout, stderr);
        return new ScriptResult(process.ExitCode, output.ToString());
    }

    static async Task PumpAsync(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
