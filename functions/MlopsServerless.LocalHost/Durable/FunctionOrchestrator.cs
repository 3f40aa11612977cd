using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace MlopsServerless.LocalHost.Durable;

/// <summary>
/// Runs an <c>[OrchestrationTrigger]</c> function as a Durable Task orchestrator. Its input is left as JSON here and
/// bound to whatever type the function asks <c>context.GetInput&lt;T&gt;()</c> for, as in the Functions worker.
/// </summary>
internal sealed class FunctionOrchestrator(FunctionMethod function, IServiceProvider services, DataConverter dataConverter)
    : ITaskOrchestrator
{
    public Type InputType => typeof(object);

    public Type OutputType => function.OutputType;

    public async Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        // A scope per execution, as the Functions worker gives each invocation. Disposed synchronously: an orchestrator
        // must not await anything but the context's own tasks.
        using IServiceScope scope = services.CreateScope();
        return await function.InvokeAsync(scope.ServiceProvider, [new FunctionOrchestrationContext(context, input, dataConverter)]);
    }
}
