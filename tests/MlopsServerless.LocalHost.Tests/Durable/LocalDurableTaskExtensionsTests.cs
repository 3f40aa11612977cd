using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using MlopsServerless.LocalHost.Durable;
using MlopsServerless.TestSupport;

namespace MlopsServerless.LocalHost.Tests.Durable;

[Collection(AzuriteCollection.Name)]
public sealed class LocalDurableTaskExtensionsTests(AzuriteFixture azurite)
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task AddLocalDurableTask_InMemoryBackend_RunsOrchestratorFunctionThroughItsActivities()
    {
        await using LocalDurableHost host = await LocalDurableHost.StartAsync(LocalDurableHost.InMemory());

        OrchestrationMetadata result = await RunAsync(host.Client, nameof(GreetingWorkflow.Greet), new GreetingRequest("Ada", 2));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(new Greeting("HELLO ADA! HELLO ADA!", 4), result.ReadOutputAs<Greeting>());
    }

    [Fact]
    public async Task AddLocalDurableTask_AzureStorageBackend_RunsOrchestratorFunctionThroughItsActivities()
    {
        await using LocalDurableHost host = await LocalDurableHost.StartAsync(
            LocalDurableHost.AzureStorage(azurite.ConnectionString, LocalDurableHost.NewTaskHub()));

        OrchestrationMetadata result = await RunAsync(host.Client, nameof(GreetingWorkflow.Greet), new GreetingRequest("Grace", 3));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(new Greeting("HELLO GRACE! HELLO GRACE! HELLO GRACE!", 6), result.ReadOutputAs<Greeting>());
    }

    [Fact]
    public async Task AddLocalDurableTask_HostStoppedDuringActivity_NextHostOnSameTaskHubFinishesOrchestration()
    {
        var settings = LocalDurableHost.AzureStorage(azurite.ConnectionString, LocalDurableHost.NewTaskHub());
        var gate = new ActivityGate();
        string instanceId;
        await using (LocalDurableHost first = await LocalDurableHost.StartAsync(settings, gate))
        {
            instanceId = await first.Client.ScheduleNewOrchestrationInstanceAsync(nameof(GateWorkflow.PassThroughGate), "Linus");
            await gate.Entered.WaitAsync(Patience);
        }

        gate.Open();
        await using LocalDurableHost second = await LocalDurableHost.StartAsync(settings, gate);
        using var timeout = new CancellationTokenSource(Patience);
        OrchestrationMetadata result = await second.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("Linus passed", result.ReadOutputAs<string>());
        Assert.Equal(2, gate.Entries);
    }

    [Fact]
    public async Task AddLocalDurableTask_AzureStorageBackendWithoutConnectionString_FailsAtStart()
    {
        var settings = LocalDurableHost.InMemory();
        settings[DurableBackendOptions.BackendKey] = nameof(DurableBackend.AzureStorage);

        await Assert.ThrowsAsync<OptionsValidationException>(() => LocalDurableHost.StartAsync(settings));
    }

    static async Task<OrchestrationMetadata> RunAsync(DurableTaskClient client, string orchestrator, object input)
    {
        using var timeout = new CancellationTokenSource(Patience);
        string instanceId = await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, timeout.Token);
        return await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }
}
