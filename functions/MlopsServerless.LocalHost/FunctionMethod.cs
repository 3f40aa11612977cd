using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace MlopsServerless.LocalHost;

/// <summary>
/// A <c>[Function]</c> method of the Functions app, called as the Functions worker calls it: its class is created per
/// invocation with constructor injection (through a factory made once), and the returned task is awaited.
/// </summary>
internal sealed class FunctionMethod
{
    readonly ObjectFactory? _createInstance;
    readonly PropertyInfo? _taskResult;

    public FunctionMethod(string name, MethodInfo method)
    {
        Name = name;
        Method = method;
        Parameters = method.GetParameters();
        OutputType = ResultType(method);
        _createInstance = method.IsStatic ? null : ActivatorUtilities.CreateFactory(method.DeclaringType!, Type.EmptyTypes);
        _taskResult = method.ReturnType.IsGenericType && typeof(Task).IsAssignableFrom(method.ReturnType)
            ? method.ReturnType.GetProperty(nameof(Task<object>.Result))
            : null;
    }

    public string Name { get; }

    public MethodInfo Method { get; }

    public IReadOnlyList<ParameterInfo> Parameters { get; }

    /// <summary>What the method produces once awaited: the <c>T</c> of <c>Task&lt;T&gt;</c>, <see cref="object"/> for none.</summary>
    public Type OutputType { get; }

    /// <summary>
    /// The arguments of one invocation: <paramref name="bind"/> gives each parameter its value, or null for a parameter
    /// it cannot bind, which is a signature the local host does not support.
    /// </summary>
    public object?[] BindArguments(Func<ParameterInfo, object?> bind)
    {
        var arguments = new object?[Parameters.Count];
        for (int i = 0; i < arguments.Length; i++)
        {
            arguments[i] = bind(Parameters[i])
                ?? throw new NotSupportedException($"The local host cannot bind parameter '{Parameters[i].Name}' of {this}.");
        }

        return arguments;
    }

    /// <summary>
    /// Runs the method. Continuations stay on the caller's scheduler (no <c>ConfigureAwait(false)</c>): an orchestrator
    /// must resume on the orchestration's own.
    /// </summary>
    public async Task<object?> InvokeAsync(IServiceProvider services, object?[] arguments)
    {
        object? instance = _createInstance?.Invoke(services, arguments: null);
        try
        {
            object? returned = Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
            if (returned is not Task task)
            {
                return returned;
            }

            await task;
            return _taskResult?.GetValue(task);
        }
        finally
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    static Type ResultType(MethodInfo method)
    {
        Type returnType = method.ReturnType;
        if (returnType == typeof(void) || returnType == typeof(Task))
        {
            return typeof(object);
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return returnType.GetGenericArguments()[0];
        }

        if (typeof(Task).IsAssignableFrom(returnType)
            || returnType == typeof(ValueTask)
            || (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            throw new NotSupportedException(
                $"{method.DeclaringType?.FullName}.{method.Name} cannot run in the local host: it returns {returnType}, not Task, Task<T> or a value.");
        }

        return returnType;
    }
}
