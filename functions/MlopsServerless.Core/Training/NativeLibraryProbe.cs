using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.ML.Trainers.LightGbm;

namespace MlopsServerless.Core.Training;

/// <summary>Whether a trainer's native code can run on this host, and if not, why (for people: what is missing).</summary>
public sealed record NativeLibraryStatus(bool Available, string? Reason)
{
    public static NativeLibraryStatus Loaded { get; } = new(true, null);
}

/// <summary>
/// Finds out once, on first use and thread-safely, whether LightGbm can be trained and served here: its native library
/// (lib_lightgbm, shipped in the app) and, on Linux, the GNU OpenMP runtime it links against (libgomp.so.1, which the
/// host image may lack). A missing library then reads as a clear reason instead of a loader error in a run.
/// </summary>
public sealed class NativeLibraryProbe
{
    public const string LightGbmLibrary = "lib_lightgbm";
    public const string OpenMpLibrary = "libgomp.so.1";

    static readonly Assembly LightGbmAssembly = typeof(LightGbmBinaryTrainer).Assembly;

    readonly Lazy<NativeLibraryStatus> _lightGbm;

    public NativeLibraryProbe()
        : this(CanLoad)
    {
    }

    /// <param name="canLoad">Whether the named library loads in this process (<see cref="LightGbmLibrary"/> is resolved as
    /// ML.NET's LightGbm assembly resolves it); tests pass a fake.</param>
    public NativeLibraryProbe(Func<string, bool> canLoad) =>
        _lightGbm = new Lazy<NativeLibraryStatus>(() => ProbeLightGbm(canLoad), LazyThreadSafetyMode.ExecutionAndPublication);

    public NativeLibraryStatus LightGbm => _lightGbm.Value;

    static NativeLibraryStatus ProbeLightGbm(Func<string, bool> canLoad)
    {
        if (OperatingSystem.IsLinux() && !canLoad(OpenMpLibrary))
        {
            return new NativeLibraryStatus(false,
                $"{OpenMpLibrary} (the GNU OpenMP runtime, Debian/Ubuntu package libgomp1) cannot be loaded on this host, and " +
                "LightGbm's native library needs it: LightGbm models (the default for multiclass) cannot be trained or served here.");
        }

        return canLoad(LightGbmLibrary)
            ? NativeLibraryStatus.Loaded
            : new NativeLibraryStatus(false,
                $"LightGbm's native library {LightGbmLibrary} cannot be loaded on this host ({RuntimeInformation.RuntimeIdentifier}): " +
                "LightGbm models (the default for multiclass) cannot be trained or served here.");
    }

    static bool CanLoad(string library) => library == LightGbmLibrary
        ? NativeLibrary.TryLoad(library, LightGbmAssembly, searchPath: null, out _)
        : NativeLibrary.TryLoad(library, out _);
}
