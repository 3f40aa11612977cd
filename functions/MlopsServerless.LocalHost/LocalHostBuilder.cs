using Microsoft.Extensions.Configuration.Memory;
using MlopsServerless.Configuration;
using MlopsServerless.Functions;
using MlopsServerless.Functions.Telemetry;
using MlopsServerless.LocalHost.Demo;
using MlopsServerless.LocalHost.Durable;
using MlopsServerless.LocalHost.Http;
using MlopsServerless.LocalHost.Triggers;

namespace MlopsServerless.LocalHost;

/// <summary>
/// Builds the local host: the Functions app's own services (AddMlopsFunctions), the Durable backend, and the trigger
/// stand-ins. It owns no application logic: every request, upload and tick goes to a function class.
/// </summary>
public static class LocalHostBuilder
{
    public static WebApplication Build(string[] args, Action<IConfigurationBuilder>? configure = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new PlatformSettings().ToAppSettings().Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)),
        });
        configure?.Invoke(builder.Configuration);

        FunctionAssembly functions = FunctionAssembly.MlopsFunctions;
        builder.Services.AddSingleton(functions);
        builder.Services.AddOptions<LocalHostOptions>().Bind(builder.Configuration).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddMvcCore();
        builder.Services.AddMlopsFunctions(builder.Configuration);
        builder.Services.AddMlopsTelemetry(builder.Configuration, functionsWorker: false);

        // Hosted services start in registration order: storage, then the Durable sidecar and worker, then triggers.
        builder.Services.AddHostedService<StorageBootstrapper>();
        builder.Services.AddLocalDurableTask(builder.Configuration, functions.Assembly);
        builder.Services.AddHostedService<BlobTriggerWatcher>();
        builder.Services.AddHostedService<TimerTriggerScheduler>();
        builder.Services.AddHostedService<DemoRunner>();

        WebApplication app = builder.Build();
        app.MapHttpFunctions(functions.Assembly);
        return app;
    }
}
