namespace MlopsServerless.Configuration.Tests.Support;

/// <summary>Files of this repository, found from the test assembly's folder upwards (the root holds Pulumi.yaml).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string StackConfigPath(string stack) => PathOf("infra", $"Pulumi.{stack}.yaml");

    static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pulumi.yaml")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Pulumi.yaml above {AppContext.BaseDirectory}.");
    }
}
