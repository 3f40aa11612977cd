using Microsoft.Extensions.Configuration;
using MlopsServerless.Configuration;

namespace MlopsServerless.Functions.Telemetry;

/// <summary>Where the app's OpenTelemetry goes.</summary>
public enum TelemetryExporter
{
    /// <summary>Nowhere (the default without Application Insights).</summary>
    None,

    /// <summary>Application Insights, authenticated with the app's managed identity (its local key auth is disabled).</summary>
    AzureMonitor,

    /// <summary>The console: a local run.</summary>
    Console,

    /// <summary>An OTLP collector (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).</summary>
    Otlp,
}

public static class TelemetryExporters
{
    /// <summary><see cref="SettingKeys.TelemetryExporter"/> when set, else Azure Monitor where the Application Insights connection string is, else none.</summary>
    public static TelemetryExporter Choose(IConfiguration configuration)
    {
        string? chosen = configuration[SettingKeys.TelemetryExporter];
        if (!string.IsNullOrWhiteSpace(chosen))
        {
            return Enum.TryParse(chosen, ignoreCase: true, out TelemetryExporter exporter)
                ? exporter
                : throw new InvalidOperationException(
                    $"{SettingKeys.TelemetryExporter} is '{chosen}'; use one of {string.Join(", ", Enum.GetNames<TelemetryExporter>())}.");
        }

        return string.IsNullOrWhiteSpace(configuration[FunctionAppSettingsBuilder.ApplicationInsightsConnectionString])
            ? TelemetryExporter.None
            : TelemetryExporter.AzureMonitor;
    }
}
