using Microsoft.AspNetCore.Mvc;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Registry;

namespace MlopsServerless.Functions.Http;

public static class RouteValues
{
    /// <summary>A 400 naming the model route value when it is not a valid model name, else null.</summary>
    public static IActionResult? CheckModelName(string model) => ModelName.IsValid(model)
        ? null
        : ApiResults.InvalidField("model", $"'{model}' is not a valid model name ({ModelName.Rule})", "Invalid model name");

    /// <summary>A 400 naming the model or alias route value when either is not a valid name, else null.</summary>
    public static IActionResult? CheckModelAndAlias(string model, string alias) => CheckModelName(model) ?? (AliasName.IsValid(alias)
        ? null
        : ApiResults.InvalidField("alias", $"'{alias}' is not a valid alias name ({AliasName.Rule})", "Invalid alias name"));
}
