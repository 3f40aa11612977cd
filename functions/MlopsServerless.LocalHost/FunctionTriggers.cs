using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace MlopsServerless.LocalHost;

/// <summary>Finds the <c>[Function]</c> methods of an assembly that have a parameter carrying a given trigger attribute.</summary>
internal static class FunctionTriggers
{
    public static IEnumerable<(FunctionMethod Function, TTrigger Trigger)> Find<TTrigger>(Assembly assembly) where TTrigger : Attribute =>
        from type in assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
        let function = method.GetCustomAttribute<FunctionAttribute>()
        let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<TTrigger>()).FirstOrDefault(a => a is not null)
        where function is not null && trigger is not null
        select (new FunctionMethod(function.Name, method), trigger);
}
