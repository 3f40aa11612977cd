using BitFaster.Caching;
using BitFaster.Caching.Lru;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Storage;

namespace MlopsServerless.Core.Serving;

/// <summary>
/// Serves model versions from memory. What a target resolves to (the version an alias holds; whether a version exists
/// and is archived) is re-read after <see cref="PredictionOptions.ChampionRefreshSeconds"/>, so a moved alias or an
/// archived version is picked up without a restart; a version's zip is downloaded from blob once (versions are
/// immutable) and kept among the <see cref="PredictionOptions.ModelCacheSize"/> most recently served, whichever target
/// asked for it.
/// </summary>
public sealed class ModelServingCache
{
    const int MaxTrackedTargets = 10_000;

    readonly ModelRegistry _registry;
    readonly StorageClients _storage;
    readonly TimeProvider _time;
    readonly PredictionOptions _options;
    readonly ILogger<ModelServingCache> _logger;
    readonly IAsyncCache<(string Model, int Version), ServedModel> _models;
    readonly ConcurrentLru<(string Model, ModelTarget Target), PointerEntry> _pointers = new(MaxTrackedTargets);

    public ModelServingCache(ModelRegistry registry, StorageClients storage, TimeProvider time,
        IOptions<PredictionOptions> options, ILogger<ModelServingCache> logger)
    {
        _registry = registry;
        _storage = storage;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _models = new ConcurrentLruBuilder<(string Model, int Version), ServedModel>()
            .WithCapacity(_options.ModelCacheSize).WithAtomicGetOrAdd().AsAsyncCache().Build();
    }

    /// <summary>
    /// The version <paramref name="target"/> resolves to (within the refresh bound), and whether it is archived; Version
    /// null when there is none. When the bound has passed, concurrent requests share one registry read; a failed read is
    /// not kept.
    /// </summary>
    public Task<ServingPointer> ResolveAsync(string model, ModelTarget target, CancellationToken cancellationToken)
    {
        if (_options.ChampionRefreshSeconds <= 0)
        {
            return ReadPointerAsync(model, target, cancellationToken);
        }

        var key = (model, target);
        PointerEntry? entry;
        lock (_pointers)
        {
            DateTimeOffset now = _time.GetUtcNow();
            if (!_pointers.TryGet(key, out entry) || entry.Read.IsFaulted || entry.Read.IsCanceled
                || now - entry.ReadAt >= TimeSpan.FromSeconds(_options.ChampionRefreshSeconds))
            {
                entry = new PointerEntry(ReadPointerAsync(model, target, CancellationToken.None), now);
                _pointers.AddOrUpdate(key, entry);
            }
        }

        return entry.Read.WaitAsync(cancellationToken);
    }

    async Task<ServingPointer> ReadPointerAsync(string model, ModelTarget target, CancellationToken cancellationToken) =>
        target.Alias is { } alias
            ? new ServingPointer((await _registry.GetAliasAsync(model, alias, cancellationToken))?.Version, false)
            : await _registry.IsArchivedAsync(model, target.Version!.Value, cancellationToken) is { } archived
                ? new ServingPointer(target.Version, archived)
                : new ServingPointer(null, false);

    /// <summary>The loaded version. Concurrent first requests share one load; a failed load is not cached, so the next request tries again.</summary>
    public Task<ServedModel> GetAsync(string model, int version, CancellationToken cancellationToken) =>
        _models.GetOrAddAsync((model, version), key => LoadAsync(key.Model, key.Version)).AsTask().WaitAsync(cancellationToken);

    async Task<ServedModel> LoadAsync(string model, int servedVersion)
    {
        ModelVersion version = await _registry.GetVersionAsync(model, servedVersion, CancellationToken.None)
            ?? throw new InvalidOperationException($"{model} v{servedVersion} is not registered.");
        var download = await _storage.Blob(version.ArtifactBlob).DownloadContentAsync(CancellationToken.None);
        using Stream zip = download.Value.Content.ToStream();
        var served = new ServedModel(model, version.Version, ServingModel.Load(zip, version.Spec), version.Registration.Card.Conformal);
        _logger.LogInformation("Loaded {Model} v{Version} from {Artifact}", model, version.Version, version.ArtifactBlob);
        return served;
    }

    /// <summary>A target's registry read (running or done) and when it started.</summary>
    sealed record PointerEntry(Task<ServingPointer> Read, DateTimeOffset ReadAt);
}

/// <summary>The version a serving target resolved to (null: no such alias holder or version) and whether that version is archived.</summary>
public sealed record ServingPointer(int? Version, bool Archived);
