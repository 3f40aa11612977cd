using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace MlopsServerless.Benchmarks.Orchestration;

/// <summary>
/// Counts the methods the JIT compiles in this process while it listens (the runtime's MethodLoadVerbose events), by
/// the namespace of their type (its first two parts; "dynamic" for methods emitted at run time): which code keeps the
/// tiered compiler busy during a path.
/// </summary>
public sealed class JitCounter : EventListener
{
    const EventKeywords Jit = (EventKeywords)0x10;
    readonly ConcurrentDictionary<string, int> _byNamespace = new(StringComparer.Ordinal);
    volatile bool _counting;

    public IReadOnlyDictionary<string, int> ByNamespace => _byNamespace;

    public int Total => _byNamespace.Values.Sum();

    public void Start()
    {
        _byNamespace.Clear();
        _counting = true;
    }

    public void Stop() => _counting = false;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, Jit);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_counting || e.EventName is null || !e.EventName.StartsWith("MethodLoadVerbose", StringComparison.Ordinal) || e.PayloadNames is null)
        {
            return;
        }

        int index = e.PayloadNames.IndexOf("MethodNamespace");
        string type = index >= 0 ? e.Payload![index] as string ?? "?" : "?";
        string group = type.StartsWith("dynamicClass", StringComparison.Ordinal) || type.Length == 0
            ? "dynamic"
            : string.Join('.', type.Split('[', '`')[0].Split('.').Take(2));
        _byNamespace.AddOrUpdate(group, 1, (_, n) => n + 1);
    }
}
