using MlopsServerless.Core.Training;

namespace MlopsServerless.Functions.Health;

/// <summary>What this host can and cannot do, for the admin API: today, whether LightGbm's native code loads.</summary>
public sealed record HostHealth(NativeLibraryStatus LightGbm)
{
    public static HostHealth From(NativeLibraryProbe probe) => new(probe.LightGbm);
}
