using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MlopsServerless.Core.Registry;
using MlopsServerless.Functions.Http;

namespace MlopsServerless.Functions.Models;

/// <summary>
/// A model's aliases (<c>champion</c>, <c>challenger</c>, user aliases): where each points and its history (read with a
/// function key); moving one and rolling one back (admin key), each a single conditional write recorded with who, why,
/// when and the previous holder.
/// </summary>
public sealed class AliasesApi(ModelCatalog catalog, ModelAliases aliases)
{
    [Function(nameof(ListAliases))]
    public async Task<IActionResult> ListAliases(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "models/{model}/aliases")] HttpRequest request,
        string model,
        CancellationToken cancellationToken) =>
        RouteValues.CheckModelName(model) ?? new OkObjectResult(new AliasList(model, await catalog.ListAliasesAsync(model, cancellationToken)));

    [Function(nameof(GetAlias))]
    public async Task<IActionResult> GetAlias(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "models/{model}/aliases/{alias}")] HttpRequest request,
        string model,
        string alias,
        CancellationToken cancellationToken)
    {
        if (RouteValues.CheckModelAndAlias(model, alias) is { } invalid)
        {
            return invalid;
        }

        return await catalog.GetAliasAsync(model, alias, cancellationToken) is { } found
            ? new OkObjectResult(found)
            : ApiResults.NotFound($"Model '{model}' has no alias '{alias}'.");
    }

    /// <summary><c>GET /api/models/{model}/aliases/{alias}/history</c>: every move of the alias, newest first.</summary>
    [Function(nameof(GetAliasHistory))]
    public async Task<IActionResult> GetAliasHistory(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "models/{model}/aliases/{alias}/history")] HttpRequest request,
        string model,
        string alias,
        CancellationToken cancellationToken)
    {
        if (RouteValues.CheckModelAndAlias(model, alias) is { } invalid)
        {
            return invalid;
        }

        IReadOnlyList<AliasMove> moves = await catalog.GetAliasHistoryAsync(model, alias, cancellationToken);
        if (moves.Count == 0 && await catalog.GetAliasAsync(model, alias, cancellationToken) is null)
        {
            return ApiResults.NotFound($"Model '{model}' has no alias '{alias}'.");
        }

        return new OkObjectResult(new AliasHistory(model, alias, moves));
    }

    /// <summary><c>POST /api/models/{model}/aliases/{alias}</c> <c>{"version": 3, "reason": "…"}</c>: points the alias at a registered, unarchived version.</summary>
    [Function(nameof(MoveAlias))]
    public async Task<IActionResult> MoveAlias(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "models/{model}/aliases/{alias}")] HttpRequest request,
        string model,
        string alias,
        CancellationToken cancellationToken)
    {
        if (RouteValues.CheckModelAndAlias(model, alias) is { } invalid)
        {
            return invalid;
        }

        (MoveAliasRequest? body, IActionResult? error) = await RequestBodies.ReadAsync<MoveAliasRequest>(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (body?.Version is not { } version || version < 1)
        {
            return ApiResults.InvalidField("version", "is required: the registered version (1 or more) the alias should point at", "Invalid request body");
        }

        return RequestBodies.CheckReason(body.Reason, "in the alias's history")
            ?? ApiResults.Of(await aliases.MoveAsync(model, alias, version, RequestBodies.Caller(request), body.Reason!, cancellationToken));
    }

    /// <summary><c>POST /api/models/{model}/aliases/{alias}/rollback</c> <c>{"reason": "…"}</c>: moves the alias back to the version it held before its latest move.</summary>
    [Function(nameof(RollbackAlias))]
    public async Task<IActionResult> RollbackAlias(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "models/{model}/aliases/{alias}/rollback")] HttpRequest request,
        string model,
        string alias,
        CancellationToken cancellationToken)
    {
        if (RouteValues.CheckModelAndAlias(model, alias) is { } invalid)
        {
            return invalid;
        }

        (RollbackAliasRequest? body, IActionResult? error) = await RequestBodies.ReadAsync<RollbackAliasRequest>(request, cancellationToken);
        return error
            ?? RequestBodies.CheckReason(body?.Reason, "in the alias's history")
            ?? ApiResults.Of(await aliases.RollbackAsync(model, alias, RequestBodies.Caller(request), body!.Reason!, cancellationToken));
    }
}

/// <summary>The body of <see cref="AliasesApi.MoveAlias"/>.</summary>
public sealed record MoveAliasRequest(int? Version, string? Reason);

/// <summary>The body of <see cref="AliasesApi.RollbackAlias"/>.</summary>
public sealed record RollbackAliasRequest(string? Reason);

/// <summary>The answer of <c>GET /api/models/{model}/aliases</c>: every alias ever set, with its holder.</summary>
public sealed record AliasList(string Model, IReadOnlyList<ModelAlias> Aliases);

/// <summary>The answer of <c>GET /api/models/{model}/aliases/{alias}/history</c>: its moves, newest first.</summary>
public sealed record AliasHistory(string Model, string Alias, IReadOnlyList<AliasMove> Moves);
