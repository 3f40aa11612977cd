using System.Reflection;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MlopsServerless.LocalHost.Durable;

public static class LocalDurableTaskExtensions
{
    /// <summary>
    /// Runs the orchestrator and activity functions of <paramref name="functionsAssembly"/> on a Durable Task worker,
    /// against a sidecar on the backend that <see cref="DurableBackendOptions"/> picks, and makes
    /// <see cref="DurableTaskClient"/> injectable. Register hosted services that use the client during their own
    /// start after this call: hosted services start in registration order.
    /// </summary>
    public static IServiceCollection AddLocalDurableTask(
        this IServiceCollection services, IConfiguration configuration, Assembly functionsAssembly)
    {
        DurableFunctionCatalog functions = DurableFunctionCatalog.Discover(functionsAssembly);

        services.AddOptions<DurableBackendOptions>()
            .Bind(configuration)
            .PostConfigure(options => options.MaxConcurrentActivities ??= DurableHostJson.Load(AppContext.BaseDirectory).MaxConcurrentActivityFunctions)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Before the worker: hosted services start in registration order and stop in reverse.
        services.AddSingleton<DurableTaskSidecar>();
        services.AddHostedService(provider => provider.GetRequiredService<DurableTaskSidecar>());

        services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc();
            worker.Services.AddOptions<GrpcDurableTaskWorkerOptions>(worker.Name)
                .Configure<DurableTaskSidecar>((options, sidecar) => options.Channel = sidecar.Channel);
            worker.Services.AddOptions<DurableTaskRegistry>(worker.Name)
                .Configure<IServiceProvider, IOptionsMonitor<DurableTaskWorkerOptions>>((registry, provider, workerOptions) =>
                    Register(registry, functions, provider, workerOptions.Get(worker.Name).DataConverter));
        });

        services.AddDurableTaskClient(client =>
        {
            client.UseGrpc();
            client.Services.AddOptions<GrpcDurableTaskClientOptions>(client.Name)
                .Configure<DurableTaskSidecar>((options, sidecar) => options.Channel = sidecar.Channel);
            client.RegisterDirectly();
        });

        return services;
    }

    static void Register(DurableTaskRegistry registry, DurableFunctionCatalog functions, IServiceProvider provider, DataConverter dataConverter)
    {
        foreach (FunctionMethod orchestrator in functions.Orchestrators)
        {
            // An orchestrator factory is handed no service provider: the orchestrator makes its own scope from the root.
            registry.AddOrchestrator(orchestrator.Name, () => new FunctionOrchestrator(orchestrator, provider, dataConverter));
        }

        foreach (FunctionMethod activity in functions.Activities)
        {
            // Activity factories get the worker's scope for this work item.
            registry.AddActivity(activity.Name, scope =>
                new FunctionActivity(activity, scope, scope.GetRequiredService<IHostApplicationLifetime>()));
        }
    }
}
