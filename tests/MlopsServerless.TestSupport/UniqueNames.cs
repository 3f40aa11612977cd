namespace MlopsServerless.TestSupport;

/// <summary>Model names unique per test, so tests can share one Azurite.</summary>
public static class UniqueNames
{
    public static string Model(string prefix = "m") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 33)];
}
