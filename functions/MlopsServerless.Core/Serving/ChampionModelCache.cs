using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Storage;

namespace MlopsServerless.Core.Serving;

/// <summary>
/// Serves each model's champion from memory. The champion pointer is re-read after
/// <see cref="PredictionOptions.ChampionRefreshSeconds"/>, so a newer champion is picked up without a restart; a
/// version's zip is downloaded from blob once (versions are immutable) and kept while the cache has room.
/// </summary>
public sealed class ChampionModelCache : IDisposable
{
    const int MaxTrackedModels = 10_000;

    readonly ModelRegistry _registry;
    readonly StorageClients _storage;
    readonly TimeProvider _time;
    readonly PredictionOptions _options;
    readonly ILogger<ChampionModelCache> _logger;
    readonly MemoryCache _models;
    readonly MemoryCache _pointers;

    public ChampionModelCache(ModelRegistry registry, StorageClients storage, TimeProvider time,
        IOptions<PredictionOptions> options, ILogger<ChampionModelCache> logger)
    {
        _registry = registry;
        _storage = storage;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _models = new MemoryCache(new MemoryCacheOptions { SizeLimit = _options.ModelCacheSize });
        _pointers = new MemoryCache(new MemoryCacheOptions { SizeLimit = MaxTrackedModels });
    }

    /// <summary>The champion of <paramref name="model"/>, or null when it has none.</summary>
    public async Task<ServedModel?> GetChampionAsync(string model, CancellationToken cancellationToken)
    {
        Champion? champion = await GetPointerAsync(model, cancellationToken);
        if (champion is null)
        {
            return null;
        }

        // Concurrent first requests share one load; a failed load is not cached, so the next request tries again.
        string key = $"{model}/{champion.Version}";
        Lazy<Task<ServedModel>> load;
        lock (_models)
        {
            // MemoryCache.GetOrCreate is not atomic; the lock only guards creating the (not yet started) Lazy.
            load = _models.GetOrCreate(key, entry =>
            {
                entry.Size = 1;
                return new Lazy<Task<ServedModel>>(() => LoadAsync(model, champion.Version));
            })!;
        }

        try
        {
            return await load.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (load.Value.IsFaulted)
        {
            _models.Remove(key);
            throw;
        }
    }

    async Task<ServedModel> LoadAsync(string model, int championVersion)
    {
        ModelVersion version = await _registry.GetVersionAsync(model, championVersion, CancellationToken.None)
            ?? throw new InvalidOperationException($"Champion {model} v{championVersion} is not registered.");
        var download = await _storage.Blob(version.ArtifactBlob).DownloadContentAsync(CancellationToken.None);
        using Stream zip = download.Value.Content.ToStream();
        var served = new ServedModel(model, version.Version, ServingModel.Load(zip, version.Spec), version.Registration.Card.Conformal);
        _logger.LogInformation("Loaded {Model} v{Version} from {Artifact}", model, version.Version, version.ArtifactBlob);
        return served;
    }

    async Task<Champion?> GetPointerAsync(string model, CancellationToken cancellationToken)
    {
        if (_options.ChampionRefreshSeconds > 0 && _pointers.TryGetValue(model, out PointerEntry? entry) && entry is not null
            && _time.GetUtcNow() - entry.ReadAt < TimeSpan.FromSeconds(_options.ChampionRefreshSeconds))
        {
            return entry.Champion;
        }

        Champion? champion = await _registry.GetChampionAsync(model, cancellationToken);
        _pointers.Set(model, new PointerEntry(champion, _time.GetUtcNow()), new MemoryCacheEntryOptions { Size = 1 });
        return champion;
    }

    public void Dispose()
    {
        _models.Dispose();
        _pointers.Dispose();
    }

    sealed record PointerEntry(Champion? Champion, DateTimeOffset ReadAt);
}
