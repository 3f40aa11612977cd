using System.Security.Cryptography;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Runs;
using MlopsServerless.Core.Storage;

namespace MlopsServerless.Core.Pipeline;

/// <summary>
/// The validation step: reads the upload and its model.json, validates, and always stores a report. Valid data is
/// snapshotted by content hash; invalid data is copied to quarantine. The upload itself is never changed or deleted.
/// </summary>
public sealed class DatasetIntake(
    StorageClients storage,
    DatasetValidator validator,
    DatasetStore datasets,
    ModelRegistry registry,
    TrainingRunStore runs,
    IOptions<TrainingOptions> options,
    TimeProvider time,
    ILogger<DatasetIntake> logger)
{
    public async Task<DatasetValidation> ValidateAsync(TrainingRequest request, CancellationToken cancellationToken)
    {
        await runs.SaveAsync(new TrainingRun(request.Model, request.RunId, request.SourceBlob, TrainingRunStatus.Validating,
            time.GetUtcNow()), cancellationToken);

        BlobClient source = storage.Blob(BlobPaths.TrainingData(request.SourceBlob));
        long size = (await source.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ContentLength;
        long limit = options.Value.MaxUploadMegabytes * 1024L * 1024L;
        if (size > limit)
        {
            return await RejectUnreadAsync(request, new ValidationIssue(
                $"the file is {size / (1024.0 * 1024.0):0.#} MB; at most {options.Value.MaxUploadMegabytes} MB are accepted " +
                $"({SettingKeys.TrainingMaxUploadMegabytes})"), cancellationToken);
        }

        BlobDownloadResult download = await source.DownloadContentAsync(cancellationToken);
        BinaryData content = download.Content;
        string sha256 = Convert.ToHexStringLower(SHA256.HashData(content.ToMemory().Span));

        var errors = new List<ValidationIssue>();
        ModelSpecDocument? document = await ReadSpecAsync(request.Model, errors, cancellationToken);
        DatasetValidator.Result? result = null;
        if (errors.Count == 0)
        {
            RawTable? table = ReadCsv(content, errors);
            if (table is not null)
            {
                result = validator.Validate(table, document, options.Value);
                errors.AddRange(result.Errors);
            }
        }

        var report = new ValidationReport
        {
            Model = request.Model,
            SourceBlob = BlobPaths.TrainingData(request.SourceBlob),
            DataSha256 = sha256,
            ValidatedAt = time.GetUtcNow(),
            RowCount = result?.RowCount ?? 0,
            Spec = result?.Spec,
            SpecInferred = result?.SpecInferred ?? document is null,
            Errors = errors,
            Warnings = result?.Warnings ?? [],
            Columns = result?.Columns ?? [],
        };
        string reportBlob = await WriteReportAsync(request, report, cancellationToken);
        if (report.IsValid)
        {
            string datasetBlob = await datasets.SnapshotAsync(request.Model, sha256, content, cancellationToken);
            if (await FindSameTrainingAsync(request.Model, sha256, report.Spec!, cancellationToken) is { } existing)
            {
                await runs.SaveAsync(new TrainingRun(request.Model, request.RunId, request.SourceBlob, TrainingRunStatus.Duplicate,
                    time.GetUtcNow(), $"same data, spec and split as v{existing.Version}: nothing new to train",
                    reportBlob, Version: existing.Version), cancellationToken);
                logger.LogInformation("Run {RunId} of {Model} repeats v{Version}; not training", request.RunId, request.Model, existing.Version);
                return new DatasetValidation(request, true, reportBlob, sha256, 0, datasetBlob, report.Spec, null, existing.Version);
            }

            logger.LogInformation("Validated {Model} run {RunId}: {Rows} rows, {Features} features, task {Task}",
                request.Model, request.RunId, report.RowCount, report.Spec!.FeatureColumns.Count, report.Spec.Task);
            return new DatasetValidation(request, true, reportBlob, sha256, 0, datasetBlob, report.Spec, null);
        }

        string quarantineBlob = BlobPaths.Quarantine(request.Model, request.RunId, request.SourceBlob);
        await storage.Blob(quarantineBlob).UploadAsync(content, overwrite: true, cancellationToken);
        return await RejectAsync(request, report, reportBlob, quarantineBlob, cancellationToken);
    }

    async Task<ModelVersion?> FindSameTrainingAsync(string model, string sha256, ModelSpec spec, CancellationToken cancellationToken) =>
        (await registry.ListVersionsAsync(model, cancellationToken)).FirstOrDefault(v =>
            v.DataSha256 == sha256 && v.Spec.Equals(spec) && v.Seed == options.Value.Seed && v.TestFraction == options.Value.TestFraction);

    /// <summary>Rejects an upload without reading it: the report says why; the upload itself stays where it is.</summary>
    async Task<DatasetValidation> RejectUnreadAsync(TrainingRequest request, ValidationIssue issue, CancellationToken cancellationToken)
    {
        var report = new ValidationReport
        {
            Model = request.Model,
            SourceBlob = BlobPaths.TrainingData(request.SourceBlob),
            DataSha256 = string.Empty,
            ValidatedAt = time.GetUtcNow(),
            Errors = [issue],
        };
        string reportBlob = await WriteReportAsync(request, report, cancellationToken);
        return await RejectAsync(request, report, reportBlob, quarantineBlob: null, cancellationToken);
    }

    async Task<string> WriteReportAsync(TrainingRequest request, ValidationReport report, CancellationToken cancellationToken)
    {
        string reportBlob = BlobPaths.ValidationReport(request.Model, request.RunId);
        await JsonBlobs.WriteAsync(storage.Blob(reportBlob), report, cancellationToken);
        return reportBlob;
    }

    async Task<DatasetValidation> RejectAsync(TrainingRequest request, ValidationReport report, string reportBlob,
        string? quarantineBlob, CancellationToken cancellationToken)
    {
        await runs.SaveAsync(new TrainingRun(request.Model, request.RunId, request.SourceBlob, TrainingRunStatus.Rejected,
            time.GetUtcNow(), $"{report.Errors.Count} validation error(s); first: {Describe(report.Errors[0])}", reportBlob, quarantineBlob),
            cancellationToken);
        logger.LogWarning("Rejected {Model} run {RunId}: {ErrorCount} validation errors, report {ReportBlob}",
            request.Model, request.RunId, report.Errors.Count, reportBlob);
        return new DatasetValidation(request, false, reportBlob, report.DataSha256, report.Errors.Count, null, null, quarantineBlob);
    }

    async Task<ModelSpecDocument?> ReadSpecAsync(string model, List<ValidationIssue> errors, CancellationToken cancellationToken)
    {
        string specPath = BlobPaths.TrainingData(TrainingDataPath.SpecBlobName(model));
        try
        {
            return await JsonBlobs.ReadOrDefaultAsync<ModelSpecDocument>(storage.Blob(specPath), cancellationToken);
        }
        catch (JsonException exception)
        {
            errors.Add(new ValidationIssue($"{specPath} is not a valid model spec: {exception.Message}"));
            return null;
        }
    }

    static RawTable? ReadCsv(BinaryData content, List<ValidationIssue> errors)
    {
        try
        {
            return CsvTableReader.Read(content.ToStream());
        }
        catch (InvalidDataException exception)
        {
            errors.Add(new ValidationIssue($"the file is not valid CSV: {exception.Message}"));
            return null;
        }
    }

    static string Describe(ValidationIssue issue) =>
        string.Join(" ", new[] { issue.Column is null ? null : $"column '{issue.Column}'", issue.Row is null ? null : $"row {issue.Row}", issue.Message }
            .Where(part => part is not null));
}
