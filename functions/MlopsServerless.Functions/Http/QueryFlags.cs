using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;

namespace MlopsServerless.Functions.Http;

/// <summary>Reading true/false query parameters such as <c>?explain=true</c>.</summary>
public static class QueryFlags
{
    /// <summary>The flag's value (false when absent), or a 400 naming it when it is given as anything but one <c>true</c> or <c>false</c>.</summary>
    public static (bool Value, IActionResult? Error) Read(HttpRequest request, string name)
    {
        StringValues values = request.Query[name];
        if (values.Count == 0)
        {
            return (false, null);
        }

        return values.Count == 1 && bool.TryParse(values[0], out bool value)
            ? (value, null)
            : (false, ApiResults.InvalidField(name, $"must be true or false, not '{values}'", "Invalid query parameter"));
    }
}
