using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;

namespace MlopsServerless.LocalHost.Durable;

/// <summary>
/// Runs an <c>[ActivityTrigger]</c> function as a Durable Task activity: the input is bound to the trigger parameter's
/// type, a <see cref="CancellationToken"/> parameter gets one that is cancelled when the host stops.
/// </summary>
internal sealed class FunctionActivity(FunctionMethod function, IServiceProvider services, IHostApplicationLifetime lifetime)
    : ITaskActivity
{
    public Type InputType => function.Parameters[0].ParameterType;

    public Type OutputType => function.OutputType;

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        CancellationToken stopping = lifetime.ApplicationStopping;
        object?[] arguments = [input, .. function.Parameters.Skip(1).Select(_ => (object?)stopping)];
        try
        {
            return await function.InvokeAsync(services, arguments).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Work cut short by the shutdown is no failure, as on Azure: give no answer. The worker stops without
            // reporting one, and the work item is delivered again, to the next process, once its lock lapses.
            await Task.Delay(Timeout.Infinite, lifetime.ApplicationStopped).ConfigureAwait(false);
            throw;
        }
    }
}
