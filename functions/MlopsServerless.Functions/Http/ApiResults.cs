using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MlopsServerless.Core.Registry;

namespace MlopsServerless.Functions.Http;

/// <summary>The API's error shapes: RFC 9457 problem details, with field → messages for input that does not fit.</summary>
public static class ApiResults
{
    public static IActionResult InvalidFields(IReadOnlyDictionary<string, string[]> errors, string title) =>
        new BadRequestObjectResult(new ValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Title = title,
            Status = StatusCodes.Status400BadRequest,
        });

    public static IActionResult InvalidField(string field, string message, string title) =>
        InvalidFields(new Dictionary<string, string[]> { [field] = [message] }, title);

    public static IActionResult NotFound(string detail) =>
        new NotFoundObjectResult(new ProblemDetails { Title = "Not found", Detail = detail, Status = StatusCodes.Status404NotFound });

    public static IActionResult Conflict(string detail) =>
        new ConflictObjectResult(new ProblemDetails { Title = "Conflict", Detail = detail, Status = StatusCodes.Status409Conflict });

    /// <summary>200 with what an applied registry change returned, 404 or 409 with why it was not applied.</summary>
    public static IActionResult Of<T>(RegistryChange<T> change) => change switch
    {
        RegistryChange<T>.Applied applied => new OkObjectResult(applied.Value),
        RegistryChange<T>.NotFound notFound => NotFound(notFound.Detail),
        RegistryChange<T>.Conflict conflict => Conflict(conflict.Detail),
        _ => throw new InvalidOperationException($"Unexpected registry change {change.GetType().Name}."),
    };
}
