using MlopsServerless.Core.Storage;

namespace MlopsServerless.Core.Registry;

// Table rows of the registry. Partition = model name. Row keys: "v000001"… versions, "run-{runId}" run → version,
// "counter" the last version number handed out, "champion" the serving pointer.

internal sealed class VersionEntity : TableRow
{
    public int Version { get; set; }
    public string Json { get; set; } = string.Empty;
}

internal sealed class RunVersionEntity : TableRow
{
    public int Version { get; set; }
}

internal sealed class CounterEntity : TableRow
{
    public int LatestVersion { get; set; }
}

internal sealed class ChampionEntity : TableRow
{
    public int Version { get; set; }
    public string Json { get; set; } = string.Empty;
}

internal static class RegistryKeys
{
    public const string Counter = "counter";
    public const string Champion = "champion";
    public const string VersionPrefix = "v";

    public static string Version(int version) => $"{VersionPrefix}{version:D6}";
    public static string Run(string runId) => $"run-{runId}";
}
