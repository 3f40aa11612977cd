using System.Globalization;
using MlopsServerless.Configuration;

namespace MlopsServerless.Configuration.Tests;

public class DeploymentSettingsTests
{
    static Dictionary<string, string> MinimalConfig() => new()
    {
        [DeploymentSettings.Keys.Location] = "swedencentral",
        [DeploymentSettings.Keys.NamePrefix] = "mlopsdemo",
    };

    static DeploymentSettings FromConfig(Dictionary<string, string> config) =>
        DeploymentSettings.FromConfig(key => config.TryGetValue(key, out var value) ? value : null);

    static DeploymentSettings FromConfig(string key, string value)
    {
        var config = MinimalConfig();
        config[key] = value;
        return FromConfig(config);
    }

    [Fact]
    public void FromConfig_OnlyRequiredKeys_UsesDefaults()
    {
        var settings = FromConfig(MinimalConfig());

        Assert.Equal("swedencentral", settings.Location);
        Assert.Equal("mlopsdemo", settings.NamePrefix);
        Assert.Equal(2048, settings.InstanceMemoryMB);
        Assert.Equal(100, settings.MaximumInstanceCount);
        Assert.Equal(30, settings.LogRetentionDays);
        Assert.False(settings.EventSubscription);
        Assert.False(settings.DisableDotnetIsolatedPlaceholder);
        Assert.Equal(new PlatformSettings(), settings.Platform);
    }

    [Theory]
    [InlineData(DeploymentSettings.Keys.Location)]
    [InlineData(DeploymentSettings.Keys.NamePrefix)]
    public void FromConfig_RequiredKeyMissing_Throws(string key)
    {
        var config = MinimalConfig();
        config.Remove(key);

        var error = Assert.Throws<InvalidOperationException>(() => FromConfig(config));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Mlops")]
    [InlineData("1mlops")]
    [InlineData("ml-ops")]
    [InlineData("abcdefghijklm")]
    public void FromConfig_NamePrefixMalformed_Throws(string prefix)
    {
        var error = Assert.Throws<InvalidOperationException>(() => FromConfig(DeploymentSettings.Keys.NamePrefix, prefix));

        Assert.Contains(DeploymentSettings.Keys.NamePrefix, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DeploymentSettings.Keys.InstanceMemoryMB, "1024")]
    [InlineData(DeploymentSettings.Keys.InstanceMemoryMB, "2k")]
    [InlineData(DeploymentSettings.Keys.MaximumInstanceCount, "39")]
    [InlineData(DeploymentSettings.Keys.MaximumInstanceCount, "1001")]
    [InlineData(DeploymentSettings.Keys.LogRetentionDays, "29")]
    [InlineData(DeploymentSettings.Keys.LogRetentionDays, "731")]
    [InlineData(DeploymentSettings.Keys.EventSubscription, "yes")]
    [InlineData(DeploymentSettings.Keys.DisableDotnetIsolatedPlaceholder, "0")]
    public void FromConfig_ValueOutOfRangeOrMalformed_ThrowsNamingTheKey(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => FromConfig(key, value));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("512", 512)]
    [InlineData("2048", 2048)]
    [InlineData("4096", 4096)]
    public void FromConfig_InstanceMemoryOffered_IsTaken(string value, int expected) =>
        Assert.Equal(expected, FromConfig(DeploymentSettings.Keys.InstanceMemoryMB, value).InstanceMemoryMB);

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    public void FromConfig_EventSubscription_ParsesBoolean(string value, bool expected) =>
        Assert.Equal(expected, FromConfig(DeploymentSettings.Keys.EventSubscription, value).EventSubscription);

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void FromConfig_DisableDotnetIsolatedPlaceholder_ParsesBoolean(string value, bool expected) =>
        Assert.Equal(expected, FromConfig(DeploymentSettings.Keys.DisableDotnetIsolatedPlaceholder, value).DisableDotnetIsolatedPlaceholder);

    public static TheoryData<string> PlatformAppSettingKeys() => new(new PlatformSettings().ToAppSettings().Keys);

    [Theory]
    [MemberData(nameof(PlatformAppSettingKeys))]
    public void FromConfig_PlatformSetting_OverridesOnlyItsAppSetting(string settingKey)
    {
        var defaults = new PlatformSettings().ToAppSettings();
        var value = DifferentValueOfSameKind(defaults[settingKey]);

        var settings = FromConfig(DeploymentSettings.Keys.AppSetting(settingKey), value).Platform.ToAppSettings();

        Assert.Equal(value, settings[settingKey]);
        Assert.All(defaults.Keys.Where(k => k != settingKey), k => Assert.Equal(defaults[k], settings[k]));
    }

    [Fact]
    public void FromConfig_PlatformNumberMalformed_ThrowsNamingTheKey()
    {
        var key = DeploymentSettings.Keys.AppSetting(SettingKeys.TrainingSeed);

        var error = Assert.Throws<InvalidOperationException>(() => FromConfig(key, "forty-two"));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeysAll_CoversEveryPlatformAppSetting()
    {
        var expected = new PlatformSettings().ToAppSettings().Keys.Select(DeploymentSettings.Keys.AppSetting);

        Assert.All(expected, key => Assert.Contains(key, DeploymentSettings.Keys.All));
    }

    static string DifferentValueOfSameKind(string value)
    {
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
        {
            return (integer + 1).ToString(CultureInfo.InvariantCulture);
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return (number / 2).ToString(CultureInfo.InvariantCulture);
        }

        return value + "x";
    }
}
