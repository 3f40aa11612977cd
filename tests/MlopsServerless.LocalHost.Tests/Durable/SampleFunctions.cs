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

/// <summary>Holds every activity that enters until the test opens it, and records how many were inside at once.</summary>
public sealed class Turnstile
{
    readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly Lock _lock = new();
    readonly List<(int Count, TaskCompletionSource Reached)> _waits = [];
    int _inside;
    int _entered;

    public int MostInsideAtOnce { get; private set; }

    public void Open() => _open.TrySetResult();

    /// <summary>Completes once <paramref name="count"/> activities have entered.</summary>
    public Task Entered(int count)
    {
        lock (_lock)
        {
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_entered >= count)
            {
                reached.SetResult();
            }
            else
            {
                _waits.Add((count, reached));
            }

            return reached.Task;
        }
    }

    public async Task PassAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _entered++;
            _inside++;
            MostInsideAtOnce = Math.Max(MostInsideAtOnce, _inside);
            foreach ((int count, TaskCompletionSource reached) in _waits.Where(w => w.Count <= _entered))
            {
                reached.TrySetResult();
            }
        }

        try
        {
            await _open.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            lock (_lock)
            {
                _inside--;
            }
        }
    }
}

public sealed class FanOutWorkflow
{
    [Function(nameof(FanOutThroughTurnstile))]
    public async Task<int> FanOutThroughTurnstile([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        int branches = context.GetInput<int>();
        int[] passed = await Task.WhenAll(Enumerable.Range(0, branches)
            .Select(branch => context.CallActivityAsync<int>(nameof(TurnstileActivities.PassTurnstile), branch)));
        return passed.Length;
    }
}

public sealed class TurnstileActivities(Turnstile turnstile)
{
    [Function(nameof(PassTurnstile))]
    public async Task<int> PassTurnstile([ActivityTrigger] int branch, CancellationToken cancellationToken)
    {
        await turnstile.PassAsync(cancellationToken);
        return branch;
    }
}
