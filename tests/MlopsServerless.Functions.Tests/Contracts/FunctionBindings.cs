using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using MlopsServerless.Functions.Training;

namespace MlopsServerless.Functions.Tests.Contracts;

/// <summary>The Functions app's functions and their trigger attributes, as the Functions host sees them.</summary>
internal static class FunctionBindings
{
    public static Assembly FunctionsAssembly => typeof(TrainingWorkflow).Assembly;

    public static IEnumerable<(string Function, T Trigger)> Triggers<T>() where T : Attribute =>
        from type in FunctionsAssembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        let function = method.GetCustomAttribute<FunctionAttribute>()
        from parameter in method.GetParameters()
        let trigger = parameter.GetCustomAttribute<T>()
        where function is not null && trigger is not null
        select (function.Name, trigger);
}
