using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Datasets.Csv;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Storage;

namespace MlopsServerless.Core.Feedback;

/// <summary>
/// Labelled data that came back since a version was trained: the served rows whose true labels were sent as feedback.
/// <see cref="BuildAsync"/> assembles them with the version's training snapshot into a new immutable snapshot: the
/// snapshot's bytes unchanged, then one row per labelled served row in the same CSV dialect (its features from the
/// prediction log, its label from the feedback, every other column empty), stored by its SHA-256 with a
/// <see cref="DatasetLineage"/> beside it.
/// </summary>
public sealed class FeedbackDatasets(FeedbackStore feedback, PredictionLog log, DatasetStore datasets, TimeProvider time)
{
    /// <summary>Labels for rows served in (<paramref name="servedAfter"/>, now], or null when none came back.</summary>
    public async Task<LabelledFeedback?> FindAsync(ModelVersion basis, DateTimeOffset servedAfter, CancellationToken cancellationToken)
    {
        DateTimeOffset upTo = time.GetUtcNow();
        IReadOnlyList<FeedbackRecord> records = (await feedback.ReadAsync(basis.Model, servedAfter, upTo, cancellationToken))
            .OrderBy(r => r.RequestId, StringComparer.Ordinal).ThenBy(r => r.Row).ToList();
        return records.Count == 0 ? null : new LabelledFeedback(basis, records, servedAfter, upTo);
    }

    /// <summary>
    /// The basis's snapshot followed by the labelled served rows, stored (once) as a snapshot with its lineage; null when
    /// none of the rows is in the prediction log any more.
    /// </summary>
    public async Task<DatasetLineage?> BuildAsync(LabelledFeedback labelled, CancellationToken cancellationToken)
    {
        ModelVersion basis = labelled.Basis;
        DatasetSnapshot source = await datasets.DescribeAsync(basis.DatasetBlob, cancellationToken)
            ?? throw new InvalidOperationException($"v{basis.Version} of {basis.Model} was trained on {basis.DatasetBlob}, which does not exist.");
        IReadOnlyList<string> columns = await ReadHeaderAsync(source, cancellationToken);
        IReadOnlyList<string> rows = await RowsAsync(labelled, columns, source.Dialect, cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        await using var assembled = new FileStream(Path.Combine(Path.GetTempPath(), $"mlops-{Guid.NewGuid():N}.csv"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (Stream original = await datasets.OpenAsync(basis.DatasetBlob, cancellationToken))
        {
            byte[] buffer = new byte[81920];
            byte last = (byte)'\n';
            int read;
            while ((read = await original.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await assembled.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                last = buffer[read - 1];
            }

            byte[] appended = Encoding.UTF8.GetBytes((last == (byte)'\n' ? string.Empty : "\n") + string.Concat(rows.Select(r => r + "\n")));
            hash.AppendData(appended);
            await assembled.WriteAsync(appended, cancellationToken);
        }

        string sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        string datasetBlob = BlobPaths.Dataset(basis.Model, sha256);
        if (await datasets.DescribeAsync(datasetBlob, cancellationToken) is null)
        {
            assembled.Position = 0;
            await datasets.SnapshotAsync(basis.Model, sha256, assembled, source.Dialect, cancellationToken);
        }

        var lineage = new DatasetLineage(basis.Model, datasetBlob, sha256, basis.DatasetBlob, basis.DataSha256, basis.Version, rows.Count,
            labelled.ServedAfter, labelled.ServedUpTo, time.GetUtcNow());
        await datasets.SaveLineageAsync(lineage, cancellationToken);
        return lineage;
    }

    async Task<IReadOnlyList<string>> ReadHeaderAsync(DatasetSnapshot source, CancellationToken cancellationToken)
    {
        await using Stream content = await datasets.OpenAsync(source.Blob, cancellationToken);
        using CsvRowReader reader = CsvRowReader.Open(content, source.Dialect.Separator);
        return ColumnNames.Of(reader.Header);
    }

    /// <summary>Each labelled row as a CSV line of the snapshot's columns; rows whose request is no longer in the log are left out.</summary>
    async Task<IReadOnlyList<string>> RowsAsync(LabelledFeedback labelled, IReadOnlyList<string> columns, CsvDialect dialect,
        CancellationToken cancellationToken)
    {
        ModelSpec spec = labelled.Basis.Spec;
        IReadOnlyDictionary<string, PredictionLogEntry> entries = await log.FindAsync(labelled.Basis.Model,
            labelled.Records.Select(r => r.RequestId).ToList(), cancellationToken);
        var rows = new List<string>(labelled.Records.Count);
        foreach (FeedbackRecord record in labelled.Records)
        {
            if (!entries.TryGetValue(record.RequestId, out PredictionLogEntry? entry) || record.Row >= entry.Inputs.Count)
            {
                continue;
            }

            FeatureValue[] inputs = entry.Inputs[record.Row];
            rows.Add(string.Join(dialect.Separator, columns.Select(column =>
            {
                if (column.Equals(spec.LabelColumn, StringComparison.OrdinalIgnoreCase))
                {
                    return Cell(spec.Task == ModelTask.Regression ? Number(record.Label, dialect) : record.Label, dialect);
                }

                int index = ColumnNames.IndexOf(entry.FeatureNames, column);
                return index < 0 ? string.Empty : Cell(Value(inputs[index], dialect), dialect);
            })));
        }

        return rows;
    }

    static string Value(FeatureValue value, CsvDialect dialect) =>
        value.Category ?? (float.IsFinite(value.Number) ? Number(value.Number.ToString("R", CultureInfo.InvariantCulture), dialect) : string.Empty);

    static string Number(string invariant, CsvDialect dialect) => dialect.DecimalComma ? invariant.Replace('.', ',') : invariant;

    static string Cell(string text, CsvDialect dialect) =>
        text.AsSpan().IndexOfAny([dialect.Separator, '"', '\r', '\n']) >= 0 || text != text.Trim()
            ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : text;
}

/// <summary>
/// Labels that came back for rows served in (<see cref="ServedAfter"/>, <see cref="ServedUpTo"/>], to be added to
/// <see cref="Basis"/>'s training data. <see cref="Key"/> identifies the basis's data with exactly these labels, so the
/// same labelled data gives the same key (and run) however often it is looked at.
/// </summary>
public sealed record LabelledFeedback(ModelVersion Basis, IReadOnlyList<FeedbackRecord> Records, DateTimeOffset ServedAfter, DateTimeOffset ServedUpTo)
{
    public string Key { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        Basis.DataSha256 + "\n" + string.Join("\n", Records.Select(r => $"{r.RequestId}/{r.Row}/{r.Label}")))))[..16];
}
