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
        var orchestrators = FunctionTriggers.Find<OrchestrationTriggerAttribute>(functionsAssembly).Select(t => t.Function).ToList();
        foreach (FunctionMethod orchestrator in orchestrators)
        {
            Require(orchestrator.Parameters is [{ ParameterType: var type }] && type == typeof(TaskOrchestrationContext), orchestrator.Method,
                $"an orchestrator takes only its {nameof(TaskOrchestrationContext)}");
        }

        var activities = FunctionTriggers.Find<ActivityTriggerAttribute>(functionsAssembly).Select(t => t.Function).ToList();
        foreach (FunctionMethod activity in activities)
        {
            Require(activity.Parameters[0].IsDefined(typeof(ActivityTriggerAttribute))
                    && activity.Parameters.Skip(1).All(parameter => parameter.ParameterType == typeof(CancellationToken)),
                activity.Method, $"an activity takes its input and, optionally, a {nameof(CancellationToken)}");
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
