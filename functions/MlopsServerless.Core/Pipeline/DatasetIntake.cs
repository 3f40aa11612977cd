using System.Security.Cryptography;
using System.Text.Json;
using Azure;
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
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Pipeline;

/// <summary>
/// The validation step: streams the upload through validation (hashing it on the way) with its model.json, and always
/// stores a report. Valid data is snapshotted by content hash; invalid data is copied to quarantine. The upload itself
/// is never changed or deleted, and every read is pinned to the ETag first seen, so the report, the hash and the
/// snapshot describe the same bytes.
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
        if (await runs.GetAsync(request.Model, request.RunId, cancellationToken) is { } previous && previous.Status.HasEnded())
        {
            logger.LogInformation("Run {RunId} of {Model} already ended as {Status}; not running it again", request.RunId, request.Model, previous.Status);
            return new DatasetValidation(request, previous.ValidationReportBlob ?? string.Empty, string.Empty, 0, null, null, null,
                AlreadyEnded: previous);
        }

        await runs.SaveAsync(new TrainingRun(request.Model, request.RunId, request.SourceBlob, TrainingRunStatus.Validating,
            time.GetUtcNow()), cancellationToken);

        BlobClient source = storage.Blob(request.SnapshotBlob ?? BlobPaths.TrainingData(request.SourceBlob));
        BlobProperties properties = (await source.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        long limit = options.Value.MaxUploadMegabytes * 1024L * 1024L;
        if (properties.ContentLength > limit)
        {
            return await RejectAsync(request, string.Empty, ValidationResult.Rejected(new ValidationIssue(
                $"the file is {properties.ContentLength / (1024.0 * 1024.0):0.#} MB; at most {options.Value.MaxUploadMegabytes} MB are accepted " +
                $"({SettingKeys.TrainingMaxUploadMegabytes})")), quarantine: false, source, properties.ETag, cancellationToken);
        }

        (ModelSpecDocument? document, ValidationIssue? specError) = await ReadSpecAsync(request.Model, cancellationToken);
        string sha256;
        ValidationResult result;
        await using (Stream upload = await OpenAsync(source, properties.ETag, cancellationToken))
        using (var hash = SHA256.Create())
        await using (var hashing = new CryptoStream(upload, hash, CryptoStreamMode.Read, leaveOpen: true))
        {
            result = specError is null
                ? await validator.ValidateAsync(hashing, document, options.Value, cancellationToken)
                : ValidationResult.Rejected(specError);
            await hashing.CopyToAsync(Stream.Null, cancellationToken);
            sha256 = Convert.ToHexStringLower(hash.Hash!);
        }

        if (!result.IsValid)
        {
            return await RejectAsync(request, sha256, result, quarantine: true, source, properties.ETag, cancellationToken);
        }

        string reportBlob = await WriteReportAsync(request, sha256, result, cancellationToken);
        string datasetBlob;
        await using (Stream upload = await OpenAsync(source, properties.ETag, cancellationToken))
        {
            datasetBlob = await datasets.SnapshotAsync(request.Model, sha256, upload, result.Dialect!, cancellationToken);
        }

        ModelSpec spec = result.Spec!;
        if (!request.Retrain && await FindSameTrainingAsync(request.Model, sha256, spec, cancellationToken) is { } existing)
        {
            await runs.SaveAsync(new TrainingRun(request.Model, request.RunId, request.SourceBlob, TrainingRunStatus.Duplicate,
                time.GetUtcNow(), $"same data, spec, split and code as v{existing.Version}: nothing new to train",
                reportBlob, Version: existing.Version), cancellationToken);
            logger.LogInformation("Run {RunId} of {Model} repeats v{Version}; not training", request.RunId, request.Model, existing.Version);
            return new DatasetValidation(request, reportBlob, sha256, 0, datasetBlob, spec, null, existing.Version, options.Value.Seed, options.Value.TestFraction);
        }

        logger.LogInformation("Validated {Model} run {RunId}: {Rows} labelled rows, {Features} features, task {Task}",
            request.Model, request.RunId, result.LabelledRowCount, spec.Features.Count, spec.Task);
        return new DatasetValidation(request, reportBlob, sha256, 0, datasetBlob, spec, null, null, options.Value.Seed, options.Value.TestFraction);
    }

    async Task<ModelVersion?> FindSameTrainingAsync(string model, string sha256, ModelSpec spec, CancellationToken cancellationToken) =>
        (await registry.ListVersionsAsync(model, cancellationToken)).FirstOrDefault(v =>
            v.DataSha256 == sha256 && v.Spec.Equals(spec) && v.Registration.Lineage.Seed == options.Value.Seed
            && v.Registration.Lineage.TestFraction == options.Value.TestFraction && v.Registration.Lineage.CodeVersion == CodeVersion.Current);

    /// <summary>Stores the report, copies the upload to quarantine (unless it was refused unread) and records the rejection.</summary>
    async Task<DatasetValidation> RejectAsync(TrainingRequest request, string sha256, ValidationResult result, bool quarantine,
        BlobClient source, ETag etag, CancellationToken cancellationToken)
    {
        string reportBlob = await WriteReportAsync(request, sha256, result, cancellationToken);
        string? quarantineBlob = null;
        if (quarantine)
        {
            quarantineBlob = BlobPaths.Quarantine(request.Model, request.RunId, request.SourceBlob);
            await using Stream upload = await OpenAsync(source, etag, cancellationToken);
            await storage.Blob(quarantineBlob).UploadAsync(upload, overwrite: true, cancellationToken);
        }

        await runs.SaveAsync(new TrainingRun(request.Model, request.RunId, request.SourceBlob, TrainingRunStatus.Rejected,
            time.GetUtcNow(), $"{result.Errors.Count} validation error(s); first: {Describe(result.Errors[0])}", reportBlob, quarantineBlob),
            cancellationToken);
        logger.LogWarning("Rejected {Model} run {RunId}: {ErrorCount} validation errors, report {ReportBlob}",
            request.Model, request.RunId, result.Errors.Count, reportBlob);
        return new DatasetValidation(request, reportBlob, sha256, result.Errors.Count, null, null, quarantineBlob);
    }

    async Task<string> WriteReportAsync(TrainingRequest request, string sha256, ValidationResult result, CancellationToken cancellationToken)
    {
        string reportBlob = BlobPaths.ValidationReport(request.Model, request.RunId);
        var report = new ValidationReport(request.Model, request.SnapshotBlob ?? BlobPaths.TrainingData(request.SourceBlob), sha256, time.GetUtcNow(), result);
        await JsonBlobs.WriteAsync(storage.Blob(reportBlob), report, cancellationToken);
        return reportBlob;
    }

    static Task<Stream> OpenAsync(BlobClient source, ETag etag, CancellationToken cancellationToken) =>
        source.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false)
        {
            Conditions = new BlobRequestConditions { IfMatch = etag },
        }, cancellationToken);

    async Task<(ModelSpecDocument? Document, ValidationIssue? Error)> ReadSpecAsync(string model, CancellationToken cancellationToken)
    {
        string specPath = BlobPaths.TrainingData(TrainingDataPath.SpecBlobName(model));
        try
        {
            return (await JsonBlobs.ReadOrDefaultAsync<ModelSpecDocument>(storage.Blob(specPath), cancellationToken), null);
        }
        catch (JsonException exception)
        {
            return (null, new ValidationIssue($"{specPath} is not a valid model spec: {exception.Message}"));
        }
    }

    static string Describe(ValidationIssue issue) =>
        string.Join(" ", new[] { issue.Column is null ? null : $"column '{issue.Column}'", issue.Row is null ? null : $"row {issue.Row}", issue.Message }
            .Where(part => part is not null));
}
