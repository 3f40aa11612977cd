using System.Reflection;

namespace MlopsServerless.Core.Training;

/// <summary>The version of the code that trains: the assembly's informational version, which the SDK suffixes with the git commit (<c>1.0.0+3f2c…</c>).</summary>
public static class CodeVersion
{
    public static string Current { get; } =
        typeof(CodeVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
