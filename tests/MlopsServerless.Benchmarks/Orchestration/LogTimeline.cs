using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MlopsServerless.Benchmarks.Orchestration;

/// <summary>One log entry of the local host, with the time it was written.</summary>
public sealed record LogEntry(DateTime At, string Category, LogLevel Level, string? EventName, string Message, IReadOnlyDictionary<string, string?> Fields);

/// <summary>
/// A logger provider added to the local host's logger factory: keeps every entry the host's filters let through, with
/// its time, so a run's activities (their start and end as the Durable Task backend logs them) can be put on a timeline.
/// </summary>
public sealed class LogTimeline : ILoggerProvider
{
    readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Take()
    {
        var taken = new List<LogEntry>();
        while (_entries.TryDequeue(out LogEntry? entry))
        {
            taken.Add(entry);
        }

        return taken;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach ((string key, object? value) in pairs)
                {
                    fields[key] = value?.ToString();
                }
            }

            entries.Enqueue(new LogEntry(DateTime.UtcNow, category, logLevel, eventId.Name, formatter(state, exception), fields));
        }
    }
}
