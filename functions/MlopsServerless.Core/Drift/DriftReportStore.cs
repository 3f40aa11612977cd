using System.Globalization;
using Azure.Data.Tables;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Storage;
using MlopsServerless.Core.Telemetry;

namespace MlopsServerless.Core.Drift;

/// <summary>
/// The DriftReports table: partition = model, row key = reverse time of computation, so the newest report comes first
/// and a time window is one range query. Each report carries the action the monitor took on it (also kept as the
/// <c>Action</c> property, so the latest acted-on report is one filtered query).
/// </summary>
public sealed class DriftReportStore(StorageClients storage, MlopsMetrics metrics)
{
    TableClient Table => storage.Table(StorageNames.Tables.DriftReports);

    public async Task SaveAsync(DriftReport report, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(report.Model, RowKey(report.ComputedAt))
        {
            ["Json"] = StorageJson.Serialize(report),
            ["DriftDetected"] = report.DriftDetected,
            ["ChampionVersion"] = report.ChampionVersion,
            ["Action"] = (report.Action?.Kind ?? DriftActionKind.None).ToString(),
        };
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        metrics.DriftReported(report);
    }

    public async Task<DriftReport?> GetLatestAsync(string model, CancellationToken cancellationToken) =>
        (await ListAsync(model, 1, cancellationToken)).FirstOrDefault();

    /// <summary>The newest report on which the monitor did something (an alert, a retrain queued or under way, no new labels).</summary>
    public async Task<DriftReport?> GetLatestActionAsync(string model, CancellationToken cancellationToken) =>
        (await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {model} and Action ne {nameof(DriftActionKind.None)}"), 1,
            cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyList<DriftReport>> ListAsync(string model, int max, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {model}"), max, cancellationToken);

    /// <summary>
    /// The model's reports computed in [<paramref name="from"/>, <paramref name="to"/>], newest first, each with the action
    /// taken on it (<see cref="DriftReport.Action"/>).
    /// </summary>
    public Task<IReadOnlyList<DriftReport>> ListAsync(string model, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {model} and RowKey ge {RowKey(to)} and RowKey le {RowKey(from)}"),
            int.MaxValue, cancellationToken);

    async Task<IReadOnlyList<DriftReport>> QueryAsync(string filter, int max, CancellationToken cancellationToken)
    {
        var reports = new List<DriftReport>();
        await foreach (TableEntity row in Table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
        {
            reports.Add(StorageJson.Deserialize<DriftReport>(row.GetString("Json")));
            if (reports.Count == max)
            {
                break;
            }
        }

        return reports;
    }

    static string RowKey(DateTimeOffset computedAt) =>
        (DateTimeOffset.MaxValue.UtcTicks - computedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
}
