using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MlopsServerless.Functions.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// OpenTelemetry metrics (the platform's <see cref="MlopsMetrics"/> meter) and traces, exported as
    /// <see cref="TelemetryExporters.Choose"/> says. In the Functions worker the worker's own instrumentation is added, and
    /// Application Insights is reached with the managed identity (<c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> names it).
    /// </summary>
    public static IServiceCollection AddMlopsTelemetry(this IServiceCollection services, IConfiguration configuration, bool functionsWorker)
    {
        TelemetryExporter exporter = TelemetryExporters.Choose(configuration);
        if (exporter == TelemetryExporter.None)
        {
            return services;
        }

        OpenTelemetryBuilder telemetry = services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddMeter(MlopsMetrics.MeterName))
            .WithTracing(tracing => tracing.AddSource(MlopsMetrics.MeterName));
        if (functionsWorker)
        {
            telemetry.UseFunctionsWorkerDefaults();
        }

        switch (exporter)
        {
            case TelemetryExporter.AzureMonitor:
                telemetry.UseAzureMonitorExporter(options =>
                {
                    options.ConnectionString = configuration[FunctionAppSettingsBuilder.ApplicationInsightsConnectionString];
                    options.Credential = new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
                });
                break;
            case TelemetryExporter.Console:
                telemetry.WithMetrics(metrics => metrics.AddConsoleExporter()).WithTracing(tracing => tracing.AddConsoleExporter());
                break;
            case TelemetryExporter.Otlp:
                telemetry.WithMetrics(metrics => metrics.AddOtlpExporter()).WithTracing(tracing => tracing.AddOtlpExporter());
                break;
        }

        return services;
    }
}
