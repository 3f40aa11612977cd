using System.Diagnostics;

namespace MlopsServerless.Benchmarks.Serving;

/// <summary>What the machine is and how busy it was: the report's first lines (the machine is shared).</summary>
public static class MachineState
{
    /// <summary>The checked-out commit (short), with "+ changes" when the worktree has uncommitted ones; "?" outside git.</summary>
    public static string Commit()
    {
        string? head = Git("rev-parse --short HEAD");
        return head is null ? "?" : string.IsNullOrWhiteSpace(Git("status --porcelain --untracked-files=no")) ? head : $"{head} + uncommitted changes";
    }

    static string? Git(string arguments)
    {
        try
        {
            using Process? git = Process.Start(new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, RedirectStandardError = true });
            if (git is null)
            {
                return null;
            }

            string output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
