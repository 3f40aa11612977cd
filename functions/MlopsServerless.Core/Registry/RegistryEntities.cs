using MlopsServerless.Core.Storage;

namespace MlopsServerless.Core.Registry;

// Table rows of the registry. Partition = model name. Row keys: "v000001"… versions, "run-{runId}" run → version,
// "counter" the last version number handed out, "alias-{name}" where an alias points, "aliashistory-{name}_{reverse
// sequence}" one row per move of an alias (newest first), "champion" the serving pointer of registries written before
// aliases existed (read as the champion alias until that alias is first moved; never written).

internal sealed class VersionEntity : TableRow
{
    public int Version { get; set; }
    public string Json { get; set; } = string.Empty;

    /// <summary>Mirrors <see cref="ModelVersion.Archived"/> so serving can read it alone; every alias move rewrites it (as false) under the row's ETag.</summary>
    public bool Archived { get; set; }
}

internal sealed class RunVersionEntity : TableRow
{
    public int Version { get; set; }
}

internal sealed class CounterEntity : TableRow
{
    public int LatestVersion { get; set; }
}

internal sealed class AliasEntity : TableRow
{
    public int Version { get; set; }
    public string Json { get; set; } = string.Empty;
}

internal sealed class AliasHistoryEntity : TableRow
{
    public string Alias { get; set; } = string.Empty;
    public int Version { get; set; }
    public string Json { get; set; } = string.Empty;
}

internal sealed class LegacyChampionEntity : TableRow
{
    public string Json { get; set; } = string.Empty;
}

internal static class RegistryKeys
{
    public const string Counter = "counter";
    public const string LegacyChampion = "champion";
    public const string VersionPrefix = "v";
    public const string AliasPrefix = "alias-";
    public const string AliasHistoryPrefix = "aliashistory-";

    public static string Version(int version) => $"{VersionPrefix}{version:D6}";
    public static string Run(string runId) => $"run-{runId}";
    public static string Alias(string alias) => $"{AliasPrefix}{alias}";

    /// <summary>Alias names never hold '_', so "{alias}_" starts exactly that alias's rows; reversed sequences sort newest first.</summary>
    public static string AliasHistory(string alias, int sequence) => $"{AliasHistoryOf(alias)}{int.MaxValue - sequence:D10}";

    public static string AliasHistoryOf(string alias) => $"{AliasHistoryPrefix}{alias}_";

    /// <summary>The first row key after every key that starts with <paramref name="prefix"/> (its last character plus one).</summary>
    public static string After(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
