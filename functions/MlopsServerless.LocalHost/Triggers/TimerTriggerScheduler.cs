using System.Reflection;
using Cronos;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace MlopsServerless.LocalHost.Triggers;

/// <summary>
/// Runs every <c>[TimerTrigger]</c> function on its NCRONTAB schedule (seconds first), resolving <c>%Setting%</c>
/// from configuration as the Functions host does.
/// </summary>
internal sealed class TimerTriggerScheduler(
    IServiceProvider services,
    IConfiguration configuration,
    TimeProvider time,
    FunctionAssembly functionsAssembly,
    ILogger<TimerTriggerScheduler> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Discover(functionsAssembly.Assembly).Select(t => RunAsync(t.Function, t.Schedule, stoppingToken)));

    async Task RunAsync(FunctionMethod function, CronExpression schedule, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset now = time.GetUtcNow();
            DateTimeOffset? next = schedule.GetNextOccurrence(now, TimeZoneInfo.Utc);
            if (next is null)
            {
                return;
            }

            await Task.Delay(next.Value - now, time, stoppingToken);
            object?[] arguments = function.BindArguments(parameter => parameter.ParameterType switch
            {
                var t when t == typeof(TimerInfo) => new TimerInfo(),
                var t when t == typeof(CancellationToken) => stoppingToken,
                var t when t == typeof(DurableTaskClient) => services.GetRequiredService<DurableTaskClient>(),
                _ => null,
            });
            try
            {
                await function.InvokeAsync(services, arguments);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(exception, "Timer function {Function} failed", function.Name);
            }
        }
    }

    IEnumerable<(FunctionMethod Function, CronExpression Schedule)> Discover(Assembly assembly) =>
        FunctionTriggers.Find<TimerTriggerAttribute>(assembly)
            .Select(t => (t.Function, CronExpression.Parse(Resolve(t.Trigger.Schedule), CronFormat.IncludeSeconds)));

    string Resolve(string schedule) =>
        schedule.StartsWith('%') && schedule.EndsWith('%')
            ? configuration[schedule.Trim('%')] ?? throw new InvalidOperationException($"Setting '{schedule.Trim('%')}' is not set.")
            : schedule;
}
