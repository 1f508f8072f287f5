using System.Diagnostics;
using System.Text;

namespace Similarity.Silo.Tests.Servers;

/// <summary>Runs one short <c>simctl</c> command (built next to these tests) and returns what it printed.</summary>
internal static class SimctlRun
{
    public static Task<(int ExitCode, string StandardOutput, string StandardError)> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    /// <summary>Runs with <paramref name="stdin"/> (UTF-8, or nothing) as standard input.</summary>
    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunWithInputAsync(string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "simctl.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start simctl");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(Encoding.UTF8.GetBytes(stdin));
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"simctl {string.Join(' ', args)} did not finish within 2 minutes; it printed to stderr: {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
