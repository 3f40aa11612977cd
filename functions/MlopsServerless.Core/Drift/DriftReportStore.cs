using System.Globalization;
using Azure.Data.Tables;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Storage;
using MlopsServerless.Core.Telemetry;

namespace MlopsServerless.Core.Drift;

/// <summary>The DriftReports table: partition = model, row key = reverse time, so the newest report comes first.</summary>
public sealed class DriftReportStore(StorageClients storage, MlopsMetrics metrics)
{
    TableClient Table => storage.Table(StorageNames.Tables.DriftReports);

    public async Task SaveAsync(DriftReport report, CancellationToken cancellationToken)
    {
        string rowKey = (DateTimeOffset.MaxValue.UtcTicks - report.ComputedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        var entity = new TableEntity(report.Model, rowKey)
        {
            ["Json"] = StorageJson.Serialize(report),
            ["DriftDetected"] = report.DriftDetected,
            ["ChampionVersion"] = report.ChampionVersion,
        };
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        metrics.DriftReported(report);
    }

    public async Task<DriftReport?> GetLatestAsync(string model, CancellationToken cancellationToken) =>
        (await ListAsync(model, 1, cancellationToken)).FirstOrDefault();

    public async Task<IReadOnlyList<DriftReport>> ListAsync(string model, int max, CancellationToken cancellationToken)
    {
        var reports = new List<DriftReport>();
        await foreach (TableEntity row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {model}"),
                           maxPerPage: max, cancellationToken: cancellationToken))
        {
            reports.Add(StorageJson.Deserialize<DriftReport>(row.GetString("Json")));
            if (reports.Count == max)
            {
                break;
            }
        }

        return reports;
    }
}
