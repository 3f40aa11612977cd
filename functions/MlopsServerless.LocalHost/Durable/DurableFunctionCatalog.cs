using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace MlopsServerless.LocalHost.Durable;

/// <summary>The orchestrator and activity functions of an assembly, found by their <c>[Function]</c> and trigger attributes.</summary>
internal sealed record DurableFunctionCatalog(IReadOnlyList<FunctionMethod> Orchestrators, IReadOnlyList<FunctionMethod> Activities)
{
    /// <summary>Finds them, and rejects at start-up a signature the local host cannot call.</summary>
    public static DurableFunctionCatalog Discover(Assembly functionsAssembly)
    {
        List<FunctionMethod> orchestrators = [], activities = [];
        foreach (Type type in functionsAssembly.GetTypes())
        {
            foreach (MethodInfo method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is not { } function
                    || method.GetParameters() is not [var trigger, .. var rest])
                {
                    continue;
                }

                if (trigger.IsDefined(typeof(OrchestrationTriggerAttribute)))
                {
                    Require(trigger.ParameterType == typeof(TaskOrchestrationContext) && rest.Length == 0, method,
                        $"an orchestrator takes only its {nameof(TaskOrchestrationContext)}");
                    orchestrators.Add(new FunctionMethod(function.Name, method));
                }
                else if (trigger.IsDefined(typeof(ActivityTriggerAttribute)))
                {
                    Require(rest.All(parameter => parameter.ParameterType == typeof(CancellationToken)), method,
                        $"an activity takes its input and, optionally, a {nameof(CancellationToken)}");
                    activities.Add(new FunctionMethod(function.Name, method));
                }
            }
        }

        return new DurableFunctionCatalog(orchestrators, activities);
    }

    static void Require(bool condition, MethodInfo method, string rule)
    {
        if (!condition)
        {
            throw new NotSupportedException(
                $"{method.DeclaringType?.FullName}.{method.Name} cannot run in the local host: {rule}.");
        }
    }
}
