using Microsoft.Extensions.Configuration;
using MlopsServerless.Configuration;
using MlopsServerless.Functions.Telemetry;

namespace MlopsServerless.Functions.Tests.Telemetry;

public sealed class TelemetryExporterTests
{
    [Theory]
    [InlineData(null, null, TelemetryExporter.None)]
    [InlineData(null, "InstrumentationKey=00000000-0000-0000-0000-000000000000", TelemetryExporter.AzureMonitor)]
    [InlineData("console", "InstrumentationKey=00000000-0000-0000-0000-000000000000", TelemetryExporter.Console)]
    [InlineData("OTLP", null, TelemetryExporter.Otlp)]
    [InlineData("none", "InstrumentationKey=00000000-0000-0000-0000-000000000000", TelemetryExporter.None)]
    public void Choose_SettingOrApplicationInsights_PicksTheExporter(string? setting, string? connectionString, TelemetryExporter expected)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SettingKeys.TelemetryExporter] = setting,
            [FunctionAppSettingsBuilder.ApplicationInsightsConnectionString] = connectionString,
        }).Build();

        Assert.Equal(expected, TelemetryExporters.Choose(configuration));
    }

    [Fact]
    public void Choose_UnknownExporter_FailsNamingTheSetting()
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [SettingKeys.TelemetryExporter] = "splunk" }).Build();

        var failure = Assert.Throws<InvalidOperationException>(() => TelemetryExporters.Choose(configuration));

        Assert.Contains(SettingKeys.TelemetryExporter, failure.Message);
    }
}
