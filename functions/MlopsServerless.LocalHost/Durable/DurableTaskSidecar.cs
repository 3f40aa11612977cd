using System.Net;
using System.Net.Sockets;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MlopsServerless.LocalHost.Durable;

/// <summary>
/// The Durable Task sidecar of the local host: a gRPC <see cref="TaskHubGrpcServer"/> on a free loopback port, in a
/// host of its own, that dispatches orchestrations and activities from the configured backend to the Durable Task
/// worker and serves the <c>DurableTaskClient</c>. Registered as a hosted service before the worker, so that it is
/// listening before the worker connects and stops after the worker has.
/// </summary>
internal sealed partial class DurableTaskSidecar : IHostedService, IAsyncDisposable
{
    readonly DurableBackendOptions _options;
    readonly ILoggerFactory _loggerFactory;
    readonly ILogger<DurableTaskSidecar> _logger;
    readonly int _port;
    IOrchestrationService? _service;
    SidecarOrchestrationService? _backend;
    WebApplication? _server;

    public DurableTaskSidecar(IOptions<DurableBackendOptions> options, ILoggerFactory loggerFactory)
    {
        _options = options.Value;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<DurableTaskSidecar>();
        _port = FreeLoopbackPort();
        Address = new Uri($"http://127.0.0.1:{_port}");
        Channel = GrpcChannel.ForAddress(Address);
    }

    /// <summary>The sidecar's address; it listens from <see cref="StartAsync"/> on.</summary>
    public Uri Address { get; }

    /// <summary>The channel the worker and the client talk to the sidecar through.</summary>
    public GrpcChannel Channel { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _service = OrchestrationServiceFactory.Create(_options, _loggerFactory);

        // The sidecar would create the storage lazily, from a callback that cannot report failure: do it here.
        await _service.CreateIfNotExistsAsync().WaitAsync(cancellationToken);
        _backend = new SidecarOrchestrationService(_service, _loggerFactory.CreateLogger<SidecarOrchestrationService>());

        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, _port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(_loggerFactory);
        builder.Services.AddRouting();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(_backend);
        builder.Services.AddSingleton((IOrchestrationServiceClient)_service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();

        _server = builder.Build();
        _server.MapGrpcService<TaskHubGrpcServer>();
        await _server.StartAsync(cancellationToken);
        LogStarted(_options.Backend, _options.TaskHub, Address);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken);
        }

        if (_backend is not null)
        {
            // The sidecar stops its backend only once every dispatched work item has answered; an activity cut short by
            // the shutdown never answers. Stop it here, so its leases and locks lapse for the next process.
            await _backend.StopAsync(isForced: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        (_service as IDisposable)?.Dispose();
    }

    static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable Task sidecar on the {Backend} backend, task hub {TaskHub}, listening on {Address}")]
    partial void LogStarted(DurableBackend backend, string taskHub, Uri address);
}
