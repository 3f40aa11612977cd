using Azure;
using Azure.Data.Tables;

namespace MlopsServerless.Core.Registry;

// Table rows of the registry. Partition = model name. Row keys: "v000001"… versions, "run-{runId}" run → version,
// "counter" the last version number handed out, "champion" the serving pointer.

internal sealed class VersionEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public int Version { get; set; }
    public string Json { get; set; } = string.Empty;
}

internal sealed class RunVersionEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public int Version { get; set; }
}

internal sealed class CounterEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public int LatestVersion { get; set; }
}

internal sealed class ChampionEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
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
