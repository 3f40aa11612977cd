using Microsoft.AspNetCore.Mvc;
using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Functions.Http;

public static class RouteValues
{
    /// <summary>A 400 naming the model route value when it is not a valid model name, else null.</summary>
    public static IActionResult? CheckModelName(string model) => ModelName.IsValid(model)
        ? null
        : ApiResults.InvalidField("model", $"'{model}' is not a valid model name ({ModelName.Rule})", "Invalid model name");
}
