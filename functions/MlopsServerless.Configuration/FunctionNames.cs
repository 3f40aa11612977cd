namespace MlopsServerless.Configuration;

/// <summary>
/// Names of functions that something outside the Functions project addresses by name: infra/ points the Event Grid
/// webhook at <c>Host.Functions.{name}</c>. The function declares itself with <c>[Function(FunctionNames.X)]</c>.
/// </summary>
public static class FunctionNames
{
    /// <summary>The Event Grid-sourced blob trigger on <c>training-data/{name}</c> that starts a training run.</summary>
    public const string StartTrainingOnUpload = "StartTrainingOnUpload";
}
