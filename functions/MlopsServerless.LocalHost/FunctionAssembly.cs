using System.Reflection;
using MlopsServerless.Functions.Training;

namespace MlopsServerless.LocalHost;

/// <summary>The assembly whose <c>[Function]</c> methods the local host runs.</summary>
public sealed record FunctionAssembly(Assembly Assembly)
{
    public static FunctionAssembly MlopsFunctions { get; } = new(typeof(TrainingWorkflow).Assembly);
}
