using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Serving;

namespace MlopsServerless.Core.Shadow;

/// <summary>
/// Shadow scoring off the response path: a share (<see cref="PredictionOptions.ShadowShare"/>) of the champion's live
/// requests is queued here after it is answered; this background service scores each with the model's <c>challenger</c>
/// alias (when it exists and is another version), counts the rows both answered alike (same label or class; for
/// regression within 5 % of the champion's value) and stores the record. A request the challenger cannot score (it
/// needs a feature the champion does not take) is skipped and counted. A full queue drops, never waits.
/// </summary>
public sealed class ShadowScoring : BackgroundService
{
    const double RegressionTolerance = 0.05;

    readonly Channel<ShadowRequest> _queue = Channel.CreateBounded<ShadowRequest>(new BoundedChannelOptions(10_000) { SingleReader = true });
    readonly ModelServingCache _models;
    readonly ShadowStore _store;
    readonly PredictionOptions _options;
    readonly ILogger<ShadowScoring> _logger;
    long _skipped;

    public ShadowScoring(ModelServingCache models, ShadowStore store, IOptions<PredictionOptions> options, ILogger<ShadowScoring> logger)
    {
        _models = models;
        _store = store;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Requests not shadow-scored: queue full, or the challenger needs features the champion does not take.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Queues a served champion request with probability <see cref="PredictionOptions.ShadowShare"/>; never waits.</summary>
    public void Offer(PredictionLogEntry served)
    {
        if (_options.ShadowShare > 0 && Random.Shared.NextDouble() < _options.ShadowShare && !_queue.Writer.TryWrite(new ShadowRequest(served)))
        {
            Interlocked.Increment(ref _skipped);
        }
    }

    /// <summary>Scores everything queued so far.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (_queue.Reader.TryRead(out ShadowRequest? request))
        {
            await ScoreAsync(request, cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (ShadowRequest request in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await ScoreAsync(request, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    _logger.LogWarning(exception, "Shadow scoring of {Model} request {RequestId} failed", request.Served.Model, request.Served.RequestId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    async Task ScoreAsync(ShadowRequest request, CancellationToken cancellationToken)
    {
        PredictionLogEntry served = request.Served;
        ServingPointer challenger = await _models.ResolveAsync(served.Model, ModelTarget.ByAlias(AliasName.Challenger), cancellationToken);
        if (challenger.Version is not { } version || version == served.Version || challenger.Archived)
        {
            return;
        }

        ServedModel model = await _models.GetAsync(served.Model, version, cancellationToken);
        int[] positions = model.FeatureNames.Select(f => served.FeatureNames.ToList().IndexOf(f)).ToArray();
        if (positions.Any(p => p < 0))
        {
            Interlocked.Increment(ref _skipped);
            return;
        }

        IReadOnlyList<Prediction> predictions = model.Engine.Predict(served.Inputs.Select(row => positions.Select(p => row[p]).ToArray()).ToList());
        int agreements = predictions.Where((p, i) => Agree(model.Engine.Spec.Task, served.Outputs[i], p)).Count();
        await _store.SaveAsync(new ShadowRecord(served.Model, served.RequestId, served.ServedAt, served.Version, version, predictions.Count,
            agreements, predictions), cancellationToken);
    }

    static bool Agree(ModelTask task, Prediction champion, Prediction challenger) => task switch
    {
        ModelTask.Binary => champion.PredictedLabel == challenger.PredictedLabel,
        ModelTask.Multiclass => champion.PredictedClass == challenger.PredictedClass,
        _ => Math.Abs((champion.Value ?? 0) - (challenger.Value ?? 0)) <= RegressionTolerance * Math.Max(Math.Abs(champion.Value ?? 0), 1e-9),
    };
}
