using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MlopsServerless.Benchmarks.Serving;

/// <summary>
/// Runs wrk (closed loop: each connection sends its next request when the previous answer arrived) against one URL
/// with a POST body, and reads its summary from a line the Lua script's <c>done</c> hook prints.
/// </summary>
public static class Wrk
{
    public const int Threads = 2;
    public const int Connections = 16;
    const string ResultPrefix = "WRK_RESULT";

    /// <summary>Whether wrk can be started (the script installs the Debian package when it is missing).</summary>
    public static bool Available()
    {
        try
        {
            using Process? process = Process.Start(new ProcessStartInfo("wrk", "--version") { RedirectStandardOutput = true, RedirectStandardError = true });
            process?.WaitForExit();
            return process is not null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public static async Task<WrkResult> RunAsync(Uri url, string body, TimeSpan duration)
    {
        string script = Path.Combine(Path.GetTempPath(), $"servebench-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, Script(body));
        try
        {
            var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in new[]
                     {
                         "-t", $"{Threads}", "-c", $"{Connections}", "-d", $"{(int)Math.Ceiling(duration.TotalSeconds)}s", "--latency",
                         "-s", script, url.ToString(),
                     })
            {
                start.ArgumentList.Add(argument);
            }

            using Process wrk = Process.Start(start) ?? throw new InvalidOperationException("Could not start wrk.");
            Task<string> error = wrk.StandardError.ReadToEndAsync();
            string output = await wrk.StandardOutput.ReadToEndAsync();
            await wrk.WaitForExitAsync();
            string? line = output.Split('\n').FirstOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
            if (wrk.ExitCode != 0 || line is null)
            {
                throw new InvalidOperationException($"wrk failed (exit code {wrk.ExitCode}):\n{output}\n{await error}");
            }

            return WrkResult.Parse(line[ResultPrefix.Length..], output);
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>POST with the body inline (a Lua long string) and a one-line summary at the end; latencies in µs.</summary>
    static string Script(string body)
    {
        string level = new('=', 4);
        return new StringBuilder()
            .AppendLine("wrk.method = \"POST\"")
            .AppendLine("wrk.headers[\"Content-Type\"] = \"application/json\"")
            .AppendLine($"wrk.body = [{level}[{body}]{level}]")
            .AppendLine("done = function(summary, latency, requests)")
            .AppendLine("  local e = summary.errors")
            .AppendLine($"  io.write(string.format(\"{ResultPrefix} %d %d %d %d %d %d %d %d %.1f %.1f %.1f %.1f %.1f\\n\",")
            .AppendLine("    summary.duration, summary.requests, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,")
            .AppendLine("    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))")
            .AppendLine("end")
            .ToString();
    }
}

/// <summary>
/// One wrk run: completed requests over its duration, bytes read (headers and bodies), errors (connect, read, write,
/// timeouts; <c>Non2xx</c>: answers with another status) and latency percentiles in milliseconds.
/// </summary>
public sealed record WrkResult(double Seconds, long Requests, long Bytes, long SocketErrors, long Non2xx, double MeanMs, double P50Ms, double P90Ms,
    double P99Ms, double MaxMs, string Output)
{
    public double RequestsPerSecond => Requests / Seconds;

    public double BytesPerResponse => Requests == 0 ? 0 : Bytes / (double)Requests;

    public long Errors => SocketErrors + Non2xx;

    public static WrkResult Parse(string fields, string output)
    {
        double[] v = fields.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return new WrkResult(v[0] / 1e6, (long)v[1], (long)v[2], (long)(v[3] + v[4] + v[5] + v[7]), (long)v[6],
            v[8] / 1000, v[9] / 1000, v[10] / 1000, v[11] / 1000, v[12] / 1000, output);
    }
}
