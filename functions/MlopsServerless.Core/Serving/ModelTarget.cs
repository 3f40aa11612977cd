using MlopsServerless.Core.Registry;

namespace MlopsServerless.Core.Serving;

/// <summary>What a prediction request asks to be answered by: an alias's holder, or one version by number.</summary>
public sealed record ModelTarget
{
    ModelTarget(string? alias, int? version)
    {
        Alias = alias;
        Version = version;
    }

    public string? Alias { get; }
    public int? Version { get; }

    public static ModelTarget Champion { get; } = ByAlias(AliasName.Champion);

    public static ModelTarget ByAlias(string alias) => new(alias, null);

    public static ModelTarget ByVersion(int version) => new(null, version);

    public override string ToString() => Alias is { } alias ? $"alias '{alias}'" : $"v{Version}";
}
