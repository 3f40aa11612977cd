using Azure;
using Azure.Data.Tables;

namespace MlopsServerless.Core.Storage;

/// <summary>The keys and concurrency fields every typed table row carries.</summary>
public abstract class TableRow : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
}
