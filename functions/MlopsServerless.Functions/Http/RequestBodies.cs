using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MlopsServerless.Core.Registry;

namespace MlopsServerless.Functions.Http;

/// <summary>Reading an operator's request: its JSON body, its reason, and who sent it.</summary>
public static class RequestBodies
{
    /// <summary>The principal App Service authentication puts on a request; absent without it (then the caller is <c>operator</c>).</summary>
    public const string PrincipalHeader = "x-ms-client-principal-name";

    public const int MaxReasonLength = 500;
    const int MaxCallerLength = 128;

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The body as <typeparamref name="T"/>, or a 400 naming where it is not valid JSON of that shape.</summary>
    public static async Task<(T? Body, IActionResult? Error)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return (await JsonSerializer.DeserializeAsync<T>(request.Body, Json, cancellationToken), null);
        }
        catch (JsonException exception)
        {
            return (null, ApiResults.InvalidField(exception.Path ?? "$", $"not valid: {exception.Message}", "Invalid request body"));
        }
    }

    /// <summary>The body as a JSON document (the caller disposes it), or a 400 on <c>$</c> when it is not valid JSON.</summary>
    public static async Task<(JsonDocument? Body, IActionResult? Error)> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return (await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken), null);
        }
        catch (JsonException exception)
        {
            return (null, ApiResults.InvalidField("$", $"the body is not valid JSON: {exception.Message}", "Invalid JSON"));
        }
    }

    /// <summary>A 400 naming <c>reason</c> when it is missing or too long, else null.</summary>
    public static IActionResult? CheckReason(string? reason, string purpose) =>
        string.IsNullOrWhiteSpace(reason) ? ApiResults.InvalidField("reason", $"is required: say why, it is kept {purpose}", "Invalid request body")
        : reason.Length > MaxReasonLength ? ApiResults.InvalidField("reason", $"is at most {MaxReasonLength} characters", "Invalid request body")
        : null;

    /// <summary>Who made the request: the authenticated principal's name when App Service authentication supplies one, else <c>operator</c>.</summary>
    public static string Caller(HttpRequest request) =>
        request.Headers[PrincipalHeader].ToString().Trim() is { Length: > 0 } name ? name[..Math.Min(name.Length, MaxCallerLength)] : AliasMove.ByOperator;
}
