using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MlopsServerless.Functions.Http;

/// <summary>
/// A 200 with <typeparamref name="T"/> as JSON, written with the app's MVC JSON options (the same bytes an
/// <see cref="OkObjectResult"/> writes), without MVC's content negotiation and formatter selection: the predict routes'
/// answer, where those cost a share of every request. The API answers only JSON, so there is nothing to negotiate.
/// </summary>
public sealed class JsonAnswer<T>(T value) : IActionResult
{
    public T Value { get; } = value;

    public Task ExecuteResultAsync(ActionContext context)
    {
        HttpContext http = context.HttpContext;
        JsonOptions options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value;
        http.Response.StatusCode = StatusCodes.Status200OK;
        return http.Response.WriteAsJsonAsync(Value, options.JsonSerializerOptions, http.RequestAborted);
    }
}
