namespace MlopsServerless.Configuration.Tests.Support;

/// <summary>
/// Reads the flat <c>config:</c> map of a Pulumi stack file: one <c>namespace:key: value</c> a line, values plain or
/// quoted. Enough for this repository's stack files, which hold no secrets or structured values.
/// </summary>
public static class StackConfigFile
{
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        var inConfig = false;
        foreach (var line in File.ReadAllLines(path))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            if (!char.IsWhiteSpace(line[0]))
            {
                inConfig = trimmed == "config:";
                continue;
            }

            if (!inConfig)
            {
                continue;
            }

            var separator = trimmed.IndexOf(": ", StringComparison.Ordinal);
            if (separator < 0)
            {
                throw new FormatException($"{path}: '{trimmed}' is not a 'key: value' line.");
            }

            config.Add(trimmed[..separator], Unquote(trimmed[(separator + 2)..].Trim()));
        }

        return config;
    }

    /// <summary>The lookup <c>DeploymentSettings.FromConfig</c> takes, over a stack file.</summary>
    public static Func<string, string?> Lookup(IReadOnlyDictionary<string, string> config) =>
        key => config.TryGetValue(key, out var value) ? value : null;

    static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
}
