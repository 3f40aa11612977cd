using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Runs;
using MlopsServerless.Core.Storage;

namespace MlopsServerless.Core.Pipeline;

/// <summary>
/// Decides whether a blob written to the training-data container starts a training run. The run id is derived from
/// the blob's name and ETag: the same upload delivered twice is the same run; a re-upload is a new one.
/// </summary>
public sealed class TrainingUploads(TrainingRunStore runs, StorageClients storage, TimeProvider time, ILogger<TrainingUploads> logger)
{
    /// <summary>
    /// Records the request's run as <c>Queued</c> and says whether to hand it to the model's trainer: yes for a new run,
    /// and again for one still <c>Queued</c> (its first hand-over may have been cut short by a restart; the trainer
    /// skips a run that has already ended), no for a run that is under way or over (the same upload delivered twice).
    /// </summary>
    public async Task<bool> TryQueueAsync(TrainingRequest request, CancellationToken cancellationToken)
    {
        if (await runs.TryAddAsync(new TrainingRun(request.Model, request.RunId, request.SourceBlob, TrainingRunStatus.Queued,
                time.GetUtcNow(), "waiting for the model's previous run to finish"), cancellationToken))
        {
            return true;
        }

        TrainingRun? existing = await runs.GetAsync(request.Model, request.RunId, cancellationToken);
        if (existing?.Status == TrainingRunStatus.Queued)
        {
            return true;
        }

        logger.LogInformation("Run {RunId} for training-data/{BlobName} is already {Status}", request.RunId, request.SourceBlob, existing?.Status);
        return false;
    }

    public async Task<TrainingRequest?> ToTrainingRequestAsync(BlobClient blob, string blobName, CancellationToken cancellationToken)
    {
        TrainingDataPath? path = TrainingDataPath.TryParseDataset(blobName, out string? reason);
        if (path is null)
        {
            logger.LogInformation("Ignoring training-data/{BlobName}: {Reason}", blobName, reason);
            return null;
        }

        ETag etag;
        try
        {
            BlobProperties properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
            etag = properties.ETag;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            logger.LogWarning("training-data/{BlobName} was deleted before its run could start", blobName);
            return null;
        }

        return new TrainingRequest(path.Model, blobName, RunId(path.Model, blobName, etag.ToString()));
    }

    /// <summary>
    /// The newest dataset in <c>training-data/{model}/</c> last written at or after <paramref name="since"/> (storage
    /// clock) that has no run recorded yet, as the training request its upload event makes; when every such upload has
    /// a run, the newest of them with its run. Null when there is none. Storage times have one-second resolution, so an
    /// upload from the same second as <paramref name="since"/> counts, and among uploads of the same second one that has
    /// not run yet wins.
    /// </summary>
    public async Task<UploadedDataset?> FindNewestAsync(string model, DateTimeOffset since, CancellationToken cancellationToken)
    {
        BlobContainerClient container = storage.Container(StorageNames.Containers.TrainingData);
        var written = new List<BlobItem>();
        await foreach (BlobItem item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{model}/", cancellationToken))
        {
            if (item.Properties.LastModified >= since && TrainingDataPath.TryParseDataset(item.Name, out _) is not null)
            {
                written.Add(item);
            }
        }

        UploadedDataset? newestThatRan = null;
        foreach (BlobItem item in written.OrderByDescending(i => i.Properties.LastModified).ThenByDescending(i => i.Name, StringComparer.Ordinal))
        {
            if (await ToTrainingRequestAsync(container.GetBlobClient(item.Name), item.Name, cancellationToken) is not { } request)
            {
                continue;
            }

            var upload = new UploadedDataset(request, item.Properties.LastModified!.Value, await runs.GetAsync(model, request.RunId, cancellationToken));
            if (upload.Run is null)
            {
                return upload;
            }

            newestThatRan ??= upload;
        }

        return newestThatRan;
    }

    public static string RunId(string model, string blobName, string etag)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{blobName}\n{etag}"));
        return $"{model}-{Convert.ToHexStringLower(hash)[..16]}";
    }
}

/// <summary>A dataset in training-data: the request its upload makes, when it was written, and its run (null: not recorded yet).</summary>
public sealed record UploadedDataset(TrainingRequest Request, DateTimeOffset UploadedAt, TrainingRun? Run);
