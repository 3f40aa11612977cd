using System.IO.Pipelines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MlopsServerless.Benchmarks.Serving;

/// <summary>
/// The yardstick: a bare Kestrel app in this process (slim builder, no logging providers) whose routes read the
/// request body to its end and answer 200 with a constant JSON: the bytes of a real predict answer, so the same size.
/// </summary>
public sealed class ConstantJsonEndpoint : IAsyncDisposable
{
    readonly WebApplication _app;

    ConstantJsonEndpoint(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts on a free loopback port with one POST route per answer (<c>/{name}</c>).</summary>
    public static async Task<ConstantJsonEndpoint> StartAsync(IReadOnlyDictionary<string, byte[]> answers)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        foreach ((string name, byte[] json) in answers)
        {
            app.MapPost($"/{name}", Answer(json));
        }

        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ConstantJsonEndpoint(app, new Uri(address));
    }

    static RequestDelegate Answer(byte[] json) => async context =>
    {
        PipeReader body = context.Request.BodyReader;
        while (true)
        {
            ReadResult read = await body.ReadAsync(context.RequestAborted);
            body.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                break;
            }
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = json.Length;
        await context.Response.Body.WriteAsync(json, context.RequestAborted);
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
