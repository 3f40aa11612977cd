using System.Collections.Concurrent;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Functions.Tests.Health;

/// <summary>The probe behind <c>GET /api/models</c>' health section (a Core class, tested here while Core.Tests is being reworked).</summary>
public sealed class NativeLibraryProbeTests
{
    [Fact]
    public void LightGbm_OnThisHost_LoadsTheLibrariesTheAppShips()
    {
        NativeLibraryStatus status = new NativeLibraryProbe().LightGbm;

        Assert.True(status.Available, status.Reason);
        Assert.Null(status.Reason);
    }

    [Fact]
    public void LightGbm_OpenMpRuntimeMissing_IsUnavailableNamingTheLibraryAndItsPackage()
    {
        var probe = new NativeLibraryProbe(library => library != NativeLibraryProbe.OpenMpLibrary);

        NativeLibraryStatus status = probe.LightGbm;

        Assert.False(status.Available);
        Assert.Contains("libgomp.so.1", status.Reason, StringComparison.Ordinal);
        Assert.Contains("libgomp1", status.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LightGbm_NativeLibraryMissing_IsUnavailableNamingIt()
    {
        var probe = new NativeLibraryProbe(library => library != NativeLibraryProbe.LightGbmLibrary);

        NativeLibraryStatus status = probe.LightGbm;

        Assert.False(status.Available);
        Assert.Contains("lib_lightgbm", status.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LightGbm_NeverRead_ProbesNothing()
    {
        var probed = new ConcurrentBag<string>();

        _ = new NativeLibraryProbe(library => { probed.Add(library); return true; });

        Assert.Empty(probed);
    }

    [Fact]
    public void LightGbm_ReadConcurrently_ProbesEachLibraryOnce()
    {
        var probed = new ConcurrentBag<string>();
        var probe = new NativeLibraryProbe(library =>
        {
            probed.Add(library);
            Thread.Sleep(20);
            return true;
        });

        Parallel.For(0, 32, _ => Assert.True(probe.LightGbm.Available));

        Assert.Equal([NativeLibraryProbe.LightGbmLibrary, NativeLibraryProbe.OpenMpLibrary], probed.Order());
    }
}
