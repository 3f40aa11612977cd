using System.Net;
using System.Text.Json.Nodes;

namespace MlopsServerless.Functions.Tests.EndToEnd;

internal static class ModelWaits
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    /// <summary>Polls <c>GET /api/models/{model}</c> until <paramref name="condition"/> holds for its answer.</summary>
    public static async Task<JsonNode> WaitForModelAsync(this HttpClient http, string model, Func<JsonNode, bool> condition)
    {
        DateTime deadline = DateTime.UtcNow + Patience;
        JsonNode? last = null;
        while (DateTime.UtcNow < deadline)
        {
            HttpResponseMessage response = await http.GetAsync($"/api/models/{model}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                last = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                if (condition(last))
                {
                    return last;
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{model} did not reach the expected state in {Patience}; last seen: {last?.ToJsonString()}");
    }
}
