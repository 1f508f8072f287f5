using System.Diagnostics;
using System.Text;

namespace Similarity.TestSupport.Servers;

/// <summary>
/// Runs server binaries for tests. As root they run as their service user (<c>runuser -u USER --</c>), because
/// PostgreSQL refuses root; anyone else runs them as themselves.
/// </summary>
public static class ServerCommand
{
    public static bool IsRoot => Environment.UserName == "root" || GetUid() == 0;

    /// <summary>Runs a command to completion; a non-zero exit is an error quoting its output.</summary>
    public static async Task<string> RunAsync(string? user, string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        using var process = Start(user, file, args, environment, redirect: true);
        var output = new StringBuilder();
        var stdout = PumpAsync(process.StandardOutput, output);
        var stderr = PumpAsync(process.StandardError, output);
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in time: {output}");
        }

        await Task.WhenAll(stdout, stderr);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {output}");
        }

        return output.ToString();
    }

    /// <summary>Starts a long-running server whose output goes to <paramref name="logPath"/>.</summary>
    public static Process StartServer(string? user, string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment, string logPath)
    {
        var process = Start(user, file, args, environment, redirect: true);
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var gate = new Lock();
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Exited += (_, _) =>
        {
            lock (gate)
            {
                log.Dispose();
            }
        };
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;

        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                try
                {
                    log.WriteLine(line);
                }
                catch (ObjectDisposedException)
                {
                }
            }
        }
    }

    /// <summary>Gives a folder (recursively) to <paramref name="user"/> when running as root.</summary>
    public static async Task ChownAsync(string user, string path)
    {
        if (IsRoot)
        {
            await RunAsync(null, "chown", ["-R", $"{user}:{user}", path]);
        }
    }

    public static string Tail(string path, int lines = 30) =>
        File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(lines)) : $"(no log at {path})";

    private static Process Start(string? user, string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment, bool redirect)
    {
        var asUser = user is not null && IsRoot;
        var start = new ProcessStartInfo(asUser ? "runuser" : file)
        {
            RedirectStandardOutput = redirect,
            RedirectStandardError = redirect,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        if (asUser)
        {
            // runuser resets nothing we pass through env(1), so the server sees exactly these variables.
            foreach (var arg in (string[])["-u", user!, "--", "env", .. (environment ?? new Dictionary<string, string>()).Select(e => $"{e.Key}={e.Value}"), file])
            {
                start.ArgumentList.Add(arg);
            }
        }
        else if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEuid();

    private static uint GetUid()
    {
        try
        {
            return GetEuid();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return uint.MaxValue;
        }
    }
}
