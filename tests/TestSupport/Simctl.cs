using System.Diagnostics;
using System.Text;

namespace Similarity.TestSupport;

/// <summary>The result of one <c>simctl</c> run: exit code and both streams.</summary>
public sealed record SimctlResult(int ExitCode, string StandardOutput, string StandardError, byte[] StandardOutputBytes);

/// <summary>
/// Runs the built <c>simctl</c> as a real process, the way users and scripts do. The test project must reference
/// src/Client/Cli so that <c>simctl.dll</c> is built next to the tests.
/// </summary>
public static class Simctl
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "simctl.dll");
    private const int TimeoutMinutes = 5;

    public static Task<SimctlResult> RunAsync(params string[] args) => RunWithInputAsync((byte[]?)null, args);

    /// <summary>Runs with <paramref name="stdin"/> (UTF-8) as standard input.</summary>
    public static Task<SimctlResult> RunWithInputAsync(string stdin, params string[] args) =>
        RunWithInputAsync(Encoding.UTF8.GetBytes(stdin), args);

    /// <summary>Runs with <paramref name="stdin"/> (or nothing) as standard input; a run that hangs is killed and its stderr quoted.</summary>
    public static async Task<SimctlResult> RunWithInputAsync(byte[]? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start simctl");
        var stdout = new MemoryStream();
        var readOut = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var readErr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(TimeoutMinutes));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"simctl {string.Join(' ', args)} did not finish within {TimeoutMinutes} minutes; it printed to stderr: {await readErr}");
        }

        await readOut;
        var bytes = stdout.ToArray();
        return new SimctlResult(process.ExitCode, Encoding.UTF8.GetString(bytes), await readErr, bytes);
    }
}
