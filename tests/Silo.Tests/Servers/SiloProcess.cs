using System.Diagnostics;
using System.Text;
using Similarity.Silo.Tests.Doubles;

namespace Similarity.Silo.Tests.Servers;

/// <summary>A <c>simctl silo</c> running as its own OS process, serving real model folders (and test doubles described in files).</summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private SiloProcess(Process process, string name)
    {
        _process = process;
        Name = name;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <c>simctl silo</c> named <paramref name="name"/>, on loopback with free ports, with the given arguments.
    /// Models load through <see cref="TestModelLoader"/> when <paramref name="doubles"/> (folders holding a
    /// test-model.json), else through the silo's own model folder loader.
    /// </summary>
    public static SiloProcess Start(string name, bool doubles, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "simctl.dll"));
        start.ArgumentList.Add("silo");
        foreach (var arg in (string[])["--silo-name", name, "--advertise", "127.0.0.1", "--silo-port", "0", "--gateway-port", "0", .. args])
        {
            start.ArgumentList.Add(arg);
        }

        if (doubles)
        {
            start.Environment["SIMILARITY_SILO__MODELLOADER"] = typeof(TestModelLoader).AssemblyQualifiedName;
        }

        start.Environment["SIMILARITY_SILO__DRAINSECONDS"] = "20";
        return new SiloProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start simctl silo"), name);
    }

    /// <summary>SIGKILL: the process dies mid-request, answering nothing more.</summary>
    public void Kill() => _process.Kill();

    /// <summary>SIGTERM: the silo finishes its work and leaves the cluster.</summary>
    public void Terminate() => Signal("TERM");

    /// <summary>SIGSTOP: the process freezes with its connections open, as a stalled machine would.</summary>
    public void Freeze() => Signal("STOP");

    /// <summary>SIGCONT after <see cref="Freeze"/>.</summary>
    public void Thaw() => Signal("CONT");

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
