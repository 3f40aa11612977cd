using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MlopsServerless.Core.Registry;
using MlopsServerless.Functions.Http;

namespace MlopsServerless.Functions.Models;

/// <summary>An operator's changes to a registered version (admin key): archive, unarchive, tags. Versions are never deleted.</summary>
public sealed class VersionsApi(ModelVersions versions)
{
    /// <summary>
    /// <c>POST /api/models/{model}/versions/{version}/archive</c> <c>{"reason": "…"}</c>: the version is kept and readable but
    /// not served and no alias may point at it; 409 naming the aliases that hold it.
    /// </summary>
    [Function(nameof(ArchiveVersion))]
    public async Task<IActionResult> ArchiveVersion(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "models/{model}/versions/{version:int}/archive")] HttpRequest request,
        string model,
        int version,
        CancellationToken cancellationToken)
    {
        if (RouteValues.CheckModelName(model) is { } invalidName)
        {
            return invalidName;
        }

        (ArchiveVersionRequest? body, IActionResult? error) = await RequestBodies.ReadAsync<ArchiveVersionRequest>(request, cancellationToken);
        return error
            ?? RequestBodies.CheckReason(body?.Reason, "with the version")
            ?? ApiResults.Of(await versions.ArchiveAsync(model, version, RequestBodies.Caller(request), body!.Reason!, cancellationToken));
    }

    /// <summary><c>POST /api/models/{model}/versions/{version}/unarchive</c>: the version is served again and may be an alias's target.</summary>
    [Function(nameof(UnarchiveVersion))]
    public async Task<IActionResult> UnarchiveVersion(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "models/{model}/versions/{version:int}/unarchive")] HttpRequest request,
        string model,
        int version,
        CancellationToken cancellationToken) =>
        RouteValues.CheckModelName(model)
            ?? ApiResults.Of(await versions.UnarchiveAsync(model, version, RequestBodies.Caller(request), cancellationToken));

    /// <summary><c>PUT /api/models/{model}/versions/{version}/tags</c> <c>{"owner": "risk-team"}</c>: replaces the version's tags (<c>{}</c> removes them).</summary>
    [Function(nameof(SetVersionTags))]
    public async Task<IActionResult> SetVersionTags(
        [HttpTrigger(AuthorizationLevel.Admin, "put", Route = "models/{model}/versions/{version:int}/tags")] HttpRequest request,
        string model,
        int version,
        CancellationToken cancellationToken)
    {
        if (RouteValues.CheckModelName(model) is { } invalidName)
        {
            return invalidName;
        }

        (JsonDocument? body, IActionResult? invalidJson) = await RequestBodies.ReadJsonAsync(request, cancellationToken);
        if (body is null)
        {
            return invalidJson!;
        }

        using (body)
        {
            VersionTags.Parsed tags = VersionTags.Parse(body.RootElement);
            return tags.IsValid
                ? ApiResults.Of(await versions.SetTagsAsync(model, version, tags.Tags, cancellationToken))
                : ApiResults.InvalidFields(tags.Errors, "Invalid tags");
        }
    }
}

/// <summary>The body of <see cref="VersionsApi.ArchiveVersion"/>.</summary>
public sealed record ArchiveVersionRequest(string? Reason);
