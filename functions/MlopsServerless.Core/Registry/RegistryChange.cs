namespace MlopsServerless.Core.Registry;

/// <summary>What an operator's change to the registry came to: applied (with the result), or refused because something does not exist or the registry's rules forbid it now.</summary>
public abstract record RegistryChange<T>
{
    public sealed record Applied(T Value) : RegistryChange<T>;

    /// <summary>The model, version or alias does not exist.</summary>
    public sealed record NotFound(string Detail) : RegistryChange<T>;

    /// <summary>The change contradicts the registry's state (an archived target, an alias holding the version, a race lost); nothing was written.</summary>
    public sealed record Conflict(string Detail) : RegistryChange<T>;
}
