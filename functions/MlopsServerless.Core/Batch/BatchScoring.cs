using System.Globalization;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using Microsoft.ML;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Datasets.Csv;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Storage;
using MlopsServerless.Core.Training;
using nietras.SeparatedValues;

namespace MlopsServerless.Core.Batch;

/// <summary>
/// The steps of a batch scoring job: plan (pin the champion version, count the rows, cut chunks), score one chunk
/// (read its rows with the model's codec, write the input cells, the prediction and the version, or an error per row
/// that does not fit), and combine the chunks in order into one CSV. Each step is idempotent: it overwrites its blob.
/// </summary>
public sealed class BatchScoring(StorageClients storage, ModelRegistry registry, ModelArtifactStore artifacts, ILogger<BatchScoring> logger)
{
    public const int ChunkRows = 10_000;
    const string VersionColumn = "model_version";
    const string ErrorColumn = "error";

    public async Task<BatchPlan> PlanAsync(BatchJobRequest job, CancellationToken cancellationToken)
    {
        Champion champion = await registry.GetChampionAsync(job.Model, cancellationToken)
            ?? throw new InvalidOperationException($"Model '{job.Model}' has no champion to score with.");
        ModelVersion version = (await registry.GetVersionAsync(job.Model, champion.Version, cancellationToken))!;
        await using Stream input = await storage.Blob(job.InputBlob).OpenReadAsync(cancellationToken: cancellationToken);
        using CsvRowReader reader = CsvRowReader.Open(input);
        IReadOnlyList<string> header = ColumnNames.Of(reader.Header);
        string[] missing = version.Spec.FeatureNames.Where(f => ColumnNames.IndexOf(header, f) < 0).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidDataException($"{job.InputBlob} lacks the feature column(s) {string.Join(", ", missing)} of {job.Model} v{version.Version}.");
        }

        int rows = 0;
        reader.ForEachRow((in CsvRecord _) => rows++);
        var chunks = Enumerable.Range(0, Math.Max(1, (rows + ChunkRows - 1) / ChunkRows))
            .Select(i => new BatchChunk(i, i * ChunkRows, Math.Min(ChunkRows, rows - i * ChunkRows)))
            .ToList();
        logger.LogInformation("Batch {JobId} of {Model}: {Rows} rows in {Chunks} chunks, scored by v{Version}", job.JobId, job.Model, rows,
            chunks.Count, version.Version);
        return new BatchPlan(job, version.Version, rows, chunks);
    }

    public async Task<BatchChunkResult> ScoreChunkAsync(BatchPlan plan, BatchChunk chunk, CancellationToken cancellationToken)
    {
        BatchJobRequest job = plan.Job;
        ModelVersion version = (await registry.GetVersionAsync(job.Model, plan.Version, cancellationToken))
            ?? throw new InvalidOperationException($"{job.Model} v{plan.Version} is not registered.");
        ITransformer transformer = await artifacts.LoadModelAsync(version.ArtifactBlob, cancellationToken);
        ServingModel model = ServingModel.FromTransformer(transformer, version.Spec);
        var codec = FeatureCodec.For(version.Spec);

        await using Stream input = await storage.Blob(job.InputBlob).OpenReadAsync(cancellationToken: cancellationToken);
        using CsvRowReader reader = CsvRowReader.Open(input);
        IReadOnlyList<string> header = ColumnNames.Of(reader.Header);
        int[] featureIndexes = version.Spec.Features.Select(f => ColumnNames.IndexOf(header, f.Name)).ToArray();
        string[] outputColumns = [.. header, .. PredictionColumns(version.Spec.Task), VersionColumn, ErrorColumn];

        var text = new StringBuilder();
        int invalid = 0, written = 0, row = 0;
        using (SepWriter writer = Sep.New(',').Writer(o => o with { Escape = true, WriteHeader = chunk.Index == 0 }).To(text))
        {
            reader.ForEachRow((in CsvRecord record) =>
            {
                int index = row++;
                if (index < chunk.FirstRow || index >= chunk.FirstRow + chunk.RowCount)
                {
                    return;
                }

                string? error = null;
                var values = new FeatureValue[featureIndexes.Length];
                for (int f = 0; f < featureIndexes.Length && error is null; f++)
                {
                    ReadOnlySpan<char> cell = featureIndexes[f] < record.Count ? record[featureIndexes[f]] : default;
                    if (!codec.TryReadCell(version.Spec.Features[f].Kind, cell, out values[f]))
                    {
                        error = $"{version.Spec.Features[f].Name}: '{cell}' is not {version.Spec.Features[f].Kind.ToString().ToLowerInvariant()}";
                    }
                }

                Prediction? prediction = error is null ? model.Predict([values])[0] : null;
                invalid += error is null ? 0 : 1;
                using SepWriter.Row output = writer.NewRow();
                for (int c = 0; c < header.Count; c++)
                {
                    Set(output, chunk.Index == 0, outputColumns, c, c < record.Count ? record[c].ToString() : string.Empty);
                }

                string[] predicted = PredictionValues(version.Spec.Task, prediction);
                for (int p = 0; p < predicted.Length; p++)
                {
                    Set(output, chunk.Index == 0, outputColumns, header.Count + p, predicted[p]);
                }

                Set(output, chunk.Index == 0, outputColumns, outputColumns.Length - 2, plan.Version.ToString(CultureInfo.InvariantCulture));
                Set(output, chunk.Index == 0, outputColumns, outputColumns.Length - 1, error ?? string.Empty);
                written++;
            });
        }

        string blob = BlobPaths.BatchChunk(job.Model, job.JobId, chunk.Index);
        await storage.Blob(blob).UploadAsync(BinaryData.FromString(text.ToString()), overwrite: true, cancellationToken);
        return new BatchChunkResult(chunk.Index, blob, written, invalid);
    }

    public async Task<BatchJobResult> CombineAsync(BatchPlan plan, IReadOnlyList<BatchChunkResult> chunks, CancellationToken cancellationToken)
    {
        string output = BlobPaths.BatchOutput(plan.Job.Model, plan.Job.JobId);
        BlobClient target = storage.Blob(output);
        await using (Stream destination = await target.OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken))
        {
            foreach (BatchChunkResult chunk in chunks.OrderBy(c => c.Index))
            {
                await using Stream part = await storage.Blob(chunk.Blob).OpenReadAsync(cancellationToken: cancellationToken);
                await part.CopyToAsync(destination, cancellationToken);
            }
        }

        foreach (BatchChunkResult chunk in chunks)
        {
            await storage.Blob(chunk.Blob).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }

        return new BatchJobResult(plan.Job.Model, plan.Job.JobId, plan.Version, output, chunks.Sum(c => c.Rows), chunks.Sum(c => c.InvalidRows));
    }

    static void Set(SepWriter.Row row, bool named, string[] columns, int index, string value)
    {
        if (named)
        {
            row[columns[index]].Set(value);
        }
        else
        {
            row[index].Set(value);
        }
    }

    static string[] PredictionColumns(ModelTask task) => task switch
    {
        ModelTask.Binary => ["predicted_label", "probability"],
        ModelTask.Multiclass => ["predicted_class", "class_score"],
        _ => ["predicted_value"],
    };

    static string[] PredictionValues(ModelTask task, Prediction? p) => (task, p) switch
    {
        (_, null) => task == ModelTask.Regression ? [string.Empty] : [string.Empty, string.Empty],
        (ModelTask.Binary, _) => [p.PredictedLabel == true ? "true" : "false", Format(p.Probability)],
        (ModelTask.Multiclass, _) => [p.PredictedClass ?? string.Empty, Format(p.ClassScores?.GetValueOrDefault(p.PredictedClass ?? string.Empty))],
        _ => [Format(p.Value)],
    };

    static string Format(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;
}
