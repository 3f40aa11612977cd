using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using Azure.Core.Diagnostics;

namespace MlopsServerless.Benchmarks.Orchestration;

/// <summary>
/// Counts the Azure SDK's storage requests made in this process while it lives (from the SDK's own "Request" events),
/// by method and by container, queue or table: what a path asked of Azurite, and how often it read a given blob.
/// </summary>
public sealed class StorageRequests : IDisposable
{
    readonly AzureEventSourceListener _listener;
    readonly ConcurrentDictionary<string, int> _byResource = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, int> _byPath = new(StringComparer.Ordinal);
    volatile bool _stopped;

    public StorageRequests()
    {
        _listener = new AzureEventSourceListener((e, _) =>
        {
            if (_stopped || e.EventName != "Request" || e.PayloadNames is null)
            {
                return;
            }

            int method = e.PayloadNames.IndexOf("method"), uri = e.PayloadNames.IndexOf("uri");
            if (method < 0 || uri < 0 || !Uri.TryCreate(e.Payload![uri] as string, UriKind.Absolute, out Uri? address))
            {
                return;
            }

            // /devstoreaccount1/{container|queue|table(...)}/{rest}
            string[] segments = address.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            string resource = segments.Length > 1 ? segments[1].Split('(')[0] : "(account)";
            _byResource.AddOrUpdate($"{e.Payload[method]} {resource}", 1, (_, n) => n + 1);
            _byPath.AddOrUpdate($"{e.Payload[method]} {Uri.UnescapeDataString(string.Join('/', segments.Skip(1)))}", 1, (_, n) => n + 1);
        }, EventLevel.Informational);
    }

    public IReadOnlyDictionary<string, int> ByResource => _byResource;

    /// <summary>Stops counting (what was counted stays readable).</summary>
    public void Stop() => _stopped = true;

    public int Total => _byResource.Values.Sum();

    /// <summary>Requests with this method to this container/blob path.</summary>
    public int To(string method, string path) => _byPath.GetValueOrDefault($"{method} {path}");

    public void Dispose() => _listener.Dispose();
}
