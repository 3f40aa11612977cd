using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace MlopsServerless.LocalHost.Tests.Durable;

// Function classes written as the Functions app writes them: [Function] instance methods, constructor injection.

public sealed record GreetingRequest(string Name, int Times);

public sealed record Greeting(string Text, int Words);

/// <summary>A service the sample activities are injected with.</summary>
public sealed class Punctuation
{
    public string Mark => "!";
}

public sealed class GreetingWorkflow(ILogger<GreetingWorkflow> logger)
{
    [Function(nameof(Greet))]
    public async Task<Greeting> Greet([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        GreetingRequest request = context.GetInput<GreetingRequest>() ?? throw new InvalidOperationException("No input.");
        string shouted = await context.CallActivityAsync<string>(nameof(GreetingActivities.Shout), request.Name);
        Greeting greeting = await context.CallActivityAsync<Greeting>(nameof(GreetingActivities.Repeat), request with { Name = shouted });
        if (!context.IsReplaying)
        {
            logger.LogInformation("Greeted {Name}", request.Name);
        }

        return greeting;
    }
}

public sealed class GreetingActivities(Punctuation punctuation)
{
    [Function(nameof(Shout))]
    public string Shout([ActivityTrigger] string name) => $"HELLO {name.ToUpperInvariant()}{punctuation.Mark}";

    [Function(nameof(Repeat))]
    public async Task<Greeting> Repeat([ActivityTrigger] GreetingRequest request, CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        string text = string.Join(' ', Enumerable.Repeat(request.Name, request.Times));
        return new Greeting(text, text.Split(' ').Length);
    }
}

/// <summary>Lets the test hold an activity until it opens the gate, and counts the activity's runs.</summary>
public sealed class ActivityGate
{
    readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    int _entries;

    public Task Entered => _entered.Task;

    public int Entries => Volatile.Read(ref _entries);

    public void Open() => _open.TrySetResult();

    public Task PassAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _entries);
        _entered.TrySetResult();
        return _open.Task.WaitAsync(cancellationToken);
    }
}

public sealed class GateWorkflow
{
    [Function(nameof(PassThroughGate))]
    public async Task<string> PassThroughGate([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        string visitor = context.GetInput<string>() ?? throw new InvalidOperationException("No input.");
        string passed = await context.CallActivityAsync<string>(nameof(GateActivities.WaitAtGate), visitor);
        return $"{passed} passed";
    }
}

public sealed class GateActivities(ActivityGate gate)
{
    [Function(nameof(WaitAtGate))]
    public async Task<string> WaitAtGate([ActivityTrigger] string visitor, CancellationToken cancellationToken)
    {
        await gate.PassAsync(cancellationToken);
        return visitor;
    }
}
