using Microsoft.Extensions.Logging;

namespace MlopsServerless.Core.Registry;

/// <summary>
/// Operator moves of a model's aliases (the pipeline moves <c>champion</c> through <see cref="Pipeline.ChampionPromotion"/>).
/// Each write is one conditional transaction (see <see cref="ModelRegistry"/>): concurrent moves leave one holder and a
/// history with one entry per move, each naming the holder it replaced.
/// </summary>
public sealed class ModelAliases(ModelRegistry registry, ILogger<ModelAliases> logger)
{
    const int MaxAttempts = 16;

    /// <summary>
    /// Points <paramref name="alias"/> at <paramref name="version"/>. A move that loses a race to another reads the new
    /// holder and moves from there, so its history entry names the version it really replaced. Moving an alias to the
    /// version it holds writes nothing.
    /// </summary>
    public async Task<RegistryChange<ModelAlias>> MoveAsync(string model, string alias, int version, string movedBy, string reason,
        CancellationToken cancellationToken)
    {
        Check(alias);
        for (int attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            AliasState state = await registry.GetAliasStateAsync(model, alias, cancellationToken);
            if (state.Current?.Version == version && state.ETag is not null)
            {
                return new RegistryChange<ModelAlias>.Applied(state.Current);
            }

            AliasWrite write = await registry.TryMoveAliasAsync(state, version, movedBy, reason, cancellationToken);
            switch (write.Status)
            {
                case AliasWriteStatus.Moved:
                    logger.LogWarning("{MovedBy} moved {Alias} of {Model} to v{Version} (was v{Previous}): {Reason}",
                        movedBy, alias, model, version, state.Current?.Version, reason);
                    return new RegistryChange<ModelAlias>.Applied(write.Alias!);
                case AliasWriteStatus.VersionNotFound:
                    return new RegistryChange<ModelAlias>.NotFound($"Model '{model}' has no version {version}.");
                case AliasWriteStatus.VersionArchived:
                    return new RegistryChange<ModelAlias>.Conflict(
                        $"{model} v{version} is archived: an alias never points at an archived version (unarchive it first).");
            }
        }

        return new RegistryChange<ModelAlias>.Conflict($"'{alias}' of {model} kept moving under this request ({MaxAttempts} attempts); try again.");
    }

    /// <summary>
    /// Moves <paramref name="alias"/> back to the version it held before its latest move, in one conditional write:
    /// if the alias moves meanwhile nothing is written and the answer is a conflict (never a rollback of a move the
    /// caller has not seen). Rolling back twice undoes the first rollback.
    /// </summary>
    public async Task<RegistryChange<ModelAlias>> RollbackAsync(string model, string alias, string movedBy, string reason,
        CancellationToken cancellationToken)
    {
        Check(alias);
        AliasState state = await registry.GetAliasStateAsync(model, alias, cancellationToken);
        if (state.Current is null)
        {
            return new RegistryChange<ModelAlias>.NotFound($"Model '{model}' has no alias '{alias}'.");
        }

        if (state.Current.Move.PreviousVersion is not { } previous)
        {
            return new RegistryChange<ModelAlias>.Conflict(
                $"'{alias}' of {model} has had one holder only (v{state.Current.Version}): there is nothing to roll back to.");
        }

        AliasWrite write = await registry.TryMoveAliasAsync(state, previous, movedBy, $"rollback from v{state.Current.Version}: {reason}", cancellationToken);
        switch (write.Status)
        {
            case AliasWriteStatus.Moved:
                logger.LogWarning("{MovedBy} rolled {Alias} of {Model} back to v{Version} (was v{Previous}): {Reason}",
                    movedBy, alias, model, previous, state.Current.Version, reason);
                return new RegistryChange<ModelAlias>.Applied(write.Alias!);
            case AliasWriteStatus.VersionArchived:
                return new RegistryChange<ModelAlias>.Conflict(
                    $"'{alias}' of {model} cannot roll back: its previous holder v{previous} is archived (unarchive it first).");
            case AliasWriteStatus.Raced:
                return new RegistryChange<ModelAlias>.Conflict(
                    $"'{alias}' of {model} moved while rolling back; nothing was changed: read its history and try again.");
            default:
                throw new InvalidOperationException($"{model} v{previous}, an earlier holder of '{alias}', is not registered.");
        }
    }

    static void Check(string alias)
    {
        if (!AliasName.IsValid(alias))
        {
            throw new ArgumentException($"'{alias}' is not a valid alias name ({AliasName.Rule}).", nameof(alias));
        }
    }
}
