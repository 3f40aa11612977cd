using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MlopsServerless.Benchmarks.Orchestration;
using MlopsServerless.Core.Serving;
using MlopsServerless.Functions.Http;
using MlopsServerless.Functions.Serving;

namespace MlopsServerless.Benchmarks.Serving;

/// <summary>
/// Where a predict request's CPU goes inside the host, without sockets: one thread calls, back to back for a while,
/// (1) Core's <see cref="PredictionService.PredictAsync(string, JsonElement, CancellationToken)"/> with the body already
/// parsed, (2) the function method <see cref="PredictionApi.Predict"/> itself (the body read and parsed, Core, the result
/// object built), and (3) the local host's own endpoint for <c>Predict</c> (the delegate Kestrel would call after routing:
/// the function class created per call by reflection, (2), the action result written as JSON), (2) and (3) on a
/// <see cref="DefaultHttpContext"/> with a scope of its own, as Kestrel gives each request. What wrk measures beyond (3) is
/// Kestrel, routing and the socket, which the constant endpoint pays too, plus the prediction log's flush.
/// </summary>
public static class RequestPathProbe
{
    public static async Task<ProbeResult> MeasureAsync(LocalHostPath host, string model, string body, int calls)
    {
        PredictionService predictions = host.Services.GetRequiredService<PredictionService>();
        using JsonDocument parsed = JsonDocument.Parse(body);
        async Task Core()
        {
            if (await predictions.PredictAsync(model, parsed.RootElement, CancellationToken.None) is not PredictionOutcome.Served)
            {
                throw new InvalidOperationException("Core did not serve the probe's body.");
            }
        }

        IServiceScopeFactory scopes = host.Services.GetRequiredService<IServiceScopeFactory>();
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        DefaultHttpContext Request(IServiceProvider services)
        {
            var context = new DefaultHttpContext { RequestServices = services };
            context.Request.Method = HttpMethods.Post;
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = bytes.Length;
            context.Request.Body = new MemoryStream(bytes, writable: false);
            context.Request.RouteValues["model"] = model;
            context.Response.Body = Stream.Null;
            return context;
        }

        async Task Function()
        {
            await using AsyncServiceScope scope = scopes.CreateAsyncScope();
            if (await new PredictionApi(predictions).Predict(Request(scope.ServiceProvider).Request, model, CancellationToken.None) is not JsonAnswer<PredictResponse>)
            {
                throw new InvalidOperationException("The predict function did not answer 200 to the probe.");
            }
        }

        RouteEndpoint endpoint = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.DisplayName == nameof(PredictionApi.Predict));
        async Task Endpoint()
        {
            await using AsyncServiceScope scope = scopes.CreateAsyncScope();
            DefaultHttpContext context = Request(scope.ServiceProvider);
            await endpoint.RequestDelegate!(context);
            if (context.Response.StatusCode != StatusCodes.Status200OK)
            {
                throw new InvalidOperationException($"The predict endpoint answered {context.Response.StatusCode} to the probe.");
            }
        }

        return new ProbeResult(calls, await TimeAsync(Core, calls), await TimeAsync(Function, calls), await TimeAsync(Endpoint, calls));
    }

    /// <summary>
    /// Microseconds a call (wall time on one thread, and this process's CPU), after a fifth as many calls of warm-up. A
    /// count, not a duration: every call adds to the prediction log buffer, which must not overflow.
    /// </summary>
    static async Task<ProbeTime> TimeAsync(Func<Task> call, int calls)
    {
        for (int i = 0; i < calls / 5; i++)
        {
            await call();
        }

        CpuTime before = CpuTime.Now();
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var wall = Stopwatch.StartNew();
        for (int i = 0; i < calls; i++)
        {
            await call();
        }

        double seconds = wall.Elapsed.TotalSeconds;
        return new ProbeTime(seconds / calls * 1e6, (CpuTime.Now() - before).Process / calls * 1e6,
            (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)calls);
    }
}

/// <summary>Per call (of <see cref="Calls"/>): Core's PredictAsync, the function method, and the local host's predict endpoint without Kestrel.</summary>
public sealed record ProbeResult(int Calls, ProbeTime Core, ProbeTime Function, ProbeTime Endpoint);

/// <summary>
/// Per call: microseconds of wall time on one thread, microseconds of this process's CPU and bytes this process
/// allocated (the log's flush of those calls included in both).
/// </summary>
public sealed record ProbeTime(double WallMicroseconds, double CpuMicroseconds, double AllocatedBytes);
