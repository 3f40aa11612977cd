using MlopsServerless.Configuration;
using Pulumi;

namespace MlopsServerless.Infra;

/// <summary>Reads <see cref="DeploymentSettings"/> from the running stack's config (infra/Pulumi.&lt;stack&gt;.yaml).</summary>
public static class StackConfig
{
    public static DeploymentSettings Load() => DeploymentSettings.FromConfig(Get);

    /// <summary>Looks up a fully qualified key such as <c>mlops:namePrefix</c> or <c>azure-native:location</c>.</summary>
    static string? Get(string qualifiedKey)
    {
        var separator = qualifiedKey.IndexOf(':', StringComparison.Ordinal);
        return new Config(qualifiedKey[..separator]).Get(qualifiedKey[(separator + 1)..]);
    }
}
