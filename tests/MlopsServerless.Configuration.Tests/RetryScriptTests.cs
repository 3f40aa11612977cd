using System.Diagnostics;
using System.Text.RegularExpressions;
using MlopsServerless.Configuration.Tests.Support;

namespace MlopsServerless.Configuration.Tests;

/// <summary>scripts/retry.sh, which the deploy workflow wraps the code deployment in.</summary>
public sealed partial class RetryScriptTests : IDisposable
{
    readonly string _counter = Path.Combine(Path.GetTempPath(), $"retry-{Guid.NewGuid():N}");

    public void Dispose() => File.Delete(_counter);

    /// <summary>A command that counts its runs in a file and succeeds from run <paramref name="succeedsOnRun"/> on (0: never).</summary>
    string Command(int succeedsOnRun) =>
        $"n=$(( $(cat '{_counter}' 2>/dev/null || echo 0) + 1 )); echo $n > '{_counter}'; " +
        (succeedsOnRun > 0 ? $"[ $n -ge {succeedsOnRun} ]" : "exit 7");

    int Runs => int.Parse(File.ReadAllText(_counter).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Retry_CommandSucceedsOnTheThirdRun_ExitsZeroAfterThreeRuns()
    {
        var (exitCode, _, _) = await RunAsync(budgetSeconds: 30, firstDelay: 0, maxDelay: 0, Command(succeedsOnRun: 3));

        Assert.Equal(0, exitCode);
        Assert.Equal(3, Runs);
    }

    [Fact]
    public async Task Retry_CommandNeverSucceeds_GivesUpWhenTheBudgetIsSpent_WithTheCommandsExitStatus()
    {
        var (exitCode, stderr, elapsed) = await RunAsync(budgetSeconds: 4, firstDelay: 1, maxDelay: 2, Command(succeedsOnRun: 0));

        Assert.Equal(7, exitCode);
        Assert.InRange(elapsed, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(8));
        Assert.InRange(Runs, 3, 5);
        Assert.Contains("giving up", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_WaitsDoubleUpToTheMaximum()
    {
        var (_, stderr, _) = await RunAsync(budgetSeconds: 6, firstDelay: 1, maxDelay: 2, Command(succeedsOnRun: 0));

        var waits = Wait().Matches(stderr).Select(m => int.Parse(m.Groups["seconds"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(waits.Count >= 3, stderr);
        Assert.Equal([1, 2, 2], waits.Take(3));
    }

    [Fact]
    public async Task Retry_WithoutACommand_IsAUsageError()
    {
        var (exitCode, stderr, _) = await RunScriptAsync(["600"], new Dictionary<string, string>());

        Assert.Equal(2, exitCode);
        Assert.Contains("usage", stderr, StringComparison.Ordinal);
    }

    static Task<(int ExitCode, string Stderr, TimeSpan Elapsed)> RunAsync(int budgetSeconds, int firstDelay, int maxDelay, string command) =>
        RunScriptAsync(
            [budgetSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "bash", "-c", command],
            new Dictionary<string, string>
            {
                ["RETRY_FIRST_DELAY"] = firstDelay.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["RETRY_MAX_DELAY"] = maxDelay.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });

    static async Task<(int ExitCode, string Stderr, TimeSpan Elapsed)> RunScriptAsync(string[] arguments, Dictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        startInfo.ArgumentList.Add(RepositoryFiles.PathOf("scripts", "retry.sh"));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(startInfo)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stderr, clock.Elapsed);
    }

    [GeneratedRegex(@"next in (?<seconds>\d+)s")]
    private static partial Regex Wait();
}
