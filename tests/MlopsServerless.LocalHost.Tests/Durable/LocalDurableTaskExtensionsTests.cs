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
    public async Task AddLocalDurableTask_AzureStorageBackend_RunsNoMoreActivitiesAtOnceThanHostJsonAllows()
    {
        int allowed = DurableHostJson.Load(AppContext.BaseDirectory).MaxConcurrentActivityFunctions
            ?? throw new InvalidOperationException("host.json sets no maxConcurrentActivityFunctions.");
        var turnstile = new Turnstile();
        await using LocalDurableHost host = await LocalDurableHost.StartAsync(
            LocalDurableHost.AzureStorage(azurite.ConnectionString, LocalDurableHost.NewTaskHub()), turnstile: turnstile);
        using var timeout = new CancellationTokenSource(Patience);
        string instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(FanOutWorkflow.FanOutThroughTurnstile), allowed + 2, timeout.Token);

        await turnstile.Entered(allowed).WaitAsync(Patience);
        // The backend polls its queue at least every second: a dispatcher allowed more would have let one more in by now.
        bool oneMoreEntered = await turnstile.Entered(allowed + 1).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(t => t.IsCompletedSuccessfully);
        turnstile.Open();
        OrchestrationMetadata result = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);

        Assert.False(oneMoreEntered);
        Assert.Equal(allowed, turnstile.MostInsideAtOnce);
        Assert.Equal(allowed + 2, result.ReadOutputAs<int>());
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
