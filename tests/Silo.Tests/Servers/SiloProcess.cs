using System.Diagnostics;
using System.Text;
using Similarity.Silo.Tests.Doubles;

namespace Similarity.Silo.Tests.Servers;

/// <summary>A <c>simctl silo</c> running as its own OS process, serving real model folders (and test doubles described in files).</summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private SiloProcess(Process process, string siloId)
    {
        _process = process;
        SiloId = siloId;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string SiloId { get; }

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
    /// Starts <c>simctl silo</c> with the given arguments. Models load through <see cref="TestModelLoader"/> when
    /// <paramref name="doubles"/> (folders holding a test-model.json), else through the silo's own model folder loader.
    /// </summary>
    public static SiloProcess Start(string siloId, bool doubles, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "simctl.dll"));
        start.ArgumentList.Add("silo");
        start.ArgumentList.Add("--silo-id");
        start.ArgumentList.Add(siloId);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (doubles)
        {
            start.Environment["SIMILARITY_SILO__MODELLOADER"] = typeof(TestModelLoader).AssemblyQualifiedName;
        }

        start.Environment["SIMILARITY_SILO__HEARTBEATSECONDS"] = "1";
        start.Environment["SIMILARITY_SILO__DRAINSECONDS"] = "20";
        return new SiloProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start simctl silo"), siloId);
    }

    /// <summary>SIGKILL: the process dies mid-request, acknowledging nothing more.</summary>
    public void Kill() => _process.Kill();

    /// <summary>SIGTERM: the silo drains gracefully.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

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
}
