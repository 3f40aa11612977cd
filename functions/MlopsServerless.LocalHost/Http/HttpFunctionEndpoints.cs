using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace MlopsServerless.LocalHost.Http;

/// <summary>
/// Maps every <c>[HttpTrigger]</c> function of the Functions app onto Kestrel at <c>/api/{Route}</c> with its methods,
/// so the local routes are the Azure routes by construction. Function keys are not checked locally (as with
/// <c>func start</c>).
/// </summary>
public static class HttpFunctionEndpoints
{
    public const string RoutePrefix = "api";

    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder endpoints, Assembly functionsAssembly)
    {
        foreach ((FunctionMethod function, HttpTriggerAttribute trigger) in FunctionTriggers.Find<HttpTriggerAttribute>(functionsAssembly))
        {
            string route = $"/{RoutePrefix}/{trigger.Route ?? function.Name}";
            string[] methods = (trigger.Methods ?? ["get", "post"]).Select(m => m.ToUpperInvariant()).ToArray();
            var action = new ActionDescriptor { DisplayName = function.Name };
            endpoints.MapMethods(route, methods, context => InvokeAsync(function, action, context)).WithDisplayName(function.Name);
        }

        return endpoints;
    }

    static async Task InvokeAsync(FunctionMethod function, ActionDescriptor action, HttpContext context)
    {
        object?[] arguments = function.BindArguments(parameter => Bind(parameter, context));
        object? result = await function.InvokeAsync(context.RequestServices, arguments);
        switch (result)
        {
            case IActionResult actionResult:
                await actionResult.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), action));
                break;
            case null:
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            default:
                throw new NotSupportedException($"{function} returned {result.GetType()}; HTTP functions return IActionResult.");
        }
    }

    static object? Bind(ParameterInfo parameter, HttpContext context)
    {
        if (parameter.ParameterType == typeof(HttpRequest))
        {
            return context.Request;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context.RequestAborted;
        }

        if (parameter.ParameterType == typeof(DurableTaskClient))
        {
            return context.RequestServices.GetRequiredService<DurableTaskClient>();
        }

        return context.Request.RouteValues.TryGetValue(parameter.Name!, out object? value) && value is not null
            ? Convert.ChangeType(value, parameter.ParameterType, CultureInfo.InvariantCulture)
            : null;
    }
}
