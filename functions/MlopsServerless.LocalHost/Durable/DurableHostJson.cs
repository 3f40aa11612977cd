using System.Text.Json.Nodes;

namespace MlopsServerless.LocalHost.Durable;

/// <summary>
/// What the Functions app's <c>host.json</c> tells Durable Functions on Azure and the local backend must honour too:
/// how many activities one instance runs at once (<c>extensions.durableTask.maxConcurrentActivityFunctions</c>).
/// </summary>
internal sealed record DurableHostJson(int? MaxConcurrentActivityFunctions)
{
    public const string FileName = "host.json";

    /// <summary>The settings in <paramref name="directory"/>'s host.json (the Functions project copies it to every output); none when it has none.</summary>
    public static DurableHostJson Load(string directory)
    {
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return new DurableHostJson(MaxConcurrentActivityFunctions: null);
        }

        JsonNode? durableTask = JsonNode.Parse(File.ReadAllText(path))?["extensions"]?["durableTask"];
        return new DurableHostJson(durableTask?["maxConcurrentActivityFunctions"]?.GetValue<int>());
    }
}
