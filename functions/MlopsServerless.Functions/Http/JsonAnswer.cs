using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MlopsServerless.Functions.Http;

/// <summary>
/// A 200 with <typeparamref name="T"/> as JSON, written with the app's MVC JSON options (the same bytes an
/// <see cref="OkObjectResult"/> writes), without MVC's content negotiation and formatter selection, serialized at once
/// and sent with its length (one write, no chunked encoding): the predict routes' answer, where those cost a share of
/// every request. The API answers only JSON, so there is nothing to negotiate.
/// </summary>
public sealed class JsonAnswer<T>(T value) : IActionResult
{
    public T Value { get; } = value;

    public Task ExecuteResultAsync(ActionContext context)
    {
        HttpContext http = context.HttpContext;
        JsonOptions options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value;
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(Value, options.JsonSerializerOptions);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = json.Length;
        return http.Response.Body.WriteAsync(json, http.RequestAborted).AsTask();
    }
}
