namespace MlopsServerless.LocalHost.Triggers;

/// <summary>A blob trigger path of the form <c>{container}/{name}</c>: the container to watch.</summary>
internal sealed record BlobTriggerPath(string Container)
{
    public static BlobTriggerPath Parse(string path)
    {
        string[] parts = path.Split('/', 2);
        if (parts.Length != 2 || parts[1] != "{name}")
        {
            throw new NotSupportedException($"The local host watches blob trigger paths of the form 'container/{{name}}', not '{path}'.");
        }

        return new BlobTriggerPath(parts[0]);
    }
}
