namespace MlopsServerless.Core.Dashboard.Rendering;

/// <summary>Colours that tell versions apart (by number, so a version has one colour across charts), colour-blind safe (Okabe–Ito).</summary>
internal static class Palette
{
    static readonly string[] Versions = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"];

    public static string Version(int version) => Versions[(Math.Max(version, 1) - 1) % Versions.Length];
}
