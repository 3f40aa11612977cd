using System.Reflection;
using MlopsServerless.Configuration;

namespace MlopsServerless.Configuration.Tests;

public class FunctionAppSettingsBuilderTests
{
    const string Account = "stmlopsdemodev";

    /// <summary>Every flat app-setting key the app reads; the connection name itself is given through its __ keys.</summary>
    public static TheoryData<string> AppSettingKeys() => new(
        typeof(SettingKeys).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(k => k != SettingKeys.StorageConnection));

    [Theory]
    [MemberData(nameof(AppSettingKeys))]
    public void Build_SetsEveryKeyTheAppReads(string key) =>
        Assert.Contains(key, FunctionAppSettingsBuilder.Build(new PlatformSettings(), Account).Keys);

    [Fact]
    public void Build_PointsHostAndDataStorageAtTheAccountThroughTheIdentity()
    {
        var settings = FunctionAppSettingsBuilder.Build(new PlatformSettings(), Account);

        Assert.Equal(Account, settings[FunctionAppSettingsBuilder.HostStorageAccountName]);
        Assert.Equal("managedidentity", settings[FunctionAppSettingsBuilder.HostStorageCredential]);
        Assert.Equal($"https://{Account}.blob.core.windows.net", settings[SettingKeys.StorageBlobServiceUri]);
        Assert.Equal($"https://{Account}.queue.core.windows.net", settings[SettingKeys.StorageQueueServiceUri]);
        Assert.Equal($"https://{Account}.table.core.windows.net", settings[SettingKeys.StorageTableServiceUri]);
        Assert.Equal("managedidentity", settings[SettingKeys.StorageCredential]);
        Assert.Equal("Authorization=AAD", settings[FunctionAppSettingsBuilder.ApplicationInsightsAuthenticationString]);
    }

    [Theory]
    [InlineData("AccountKey=")]
    [InlineData("SharedAccessSignature")]
    [InlineData("DefaultEndpointsProtocol")]
    [InlineData("sig=")]
    public void Build_NoValueCarriesASharedKeyOrSas(string marker) =>
        Assert.All(
            FunctionAppSettingsBuilder.Build(new PlatformSettings(), Account).Values,
            value => Assert.DoesNotContain(marker, value, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void Build_CarriesNothingFlexConsumptionRejects() =>
        Assert.Empty(FunctionAppSettingsBuilder.Build(new PlatformSettings(), Account).Keys
            .Intersect(FunctionAppSettingsBuilder.NotAllowedOnFlexConsumption));

    [Fact]
    public void Build_CarriesThePlatformValues()
    {
        var platform = new PlatformSettings { DriftSchedule = "0 30 2 * * *", TrainingMinimumRows = 500 };

        var settings = FunctionAppSettingsBuilder.Build(platform, Account);

        Assert.All(platform.ToAppSettings(), pair => Assert.Equal(pair.Value, settings[pair.Key]));
    }

    [Fact]
    public void Build_ByDefault_LeavesThePlatformsPlaceholderBehaviourAlone() =>
        Assert.DoesNotContain(
            FunctionAppSettingsBuilder.UseDotnetIsolatedPlaceholder,
            FunctionAppSettingsBuilder.Build(new PlatformSettings(), Account).Keys);

    [Fact]
    public void Build_PlaceholderDisabled_SetsTheWorkaroundToZero() =>
        Assert.Equal(
            "0",
            FunctionAppSettingsBuilder.Build(new PlatformSettings(), Account, disableDotnetIsolatedPlaceholder: true)
                [FunctionAppSettingsBuilder.UseDotnetIsolatedPlaceholder]);

    [Fact]
    public void Build_LeavesTheApplicationInsightsConnectionStringToInfra() =>
        Assert.DoesNotContain(
            FunctionAppSettingsBuilder.ApplicationInsightsConnectionString,
            FunctionAppSettingsBuilder.Build(new PlatformSettings(), Account).Keys);
}
