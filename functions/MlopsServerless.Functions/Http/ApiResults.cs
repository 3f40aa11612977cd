using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

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
}
