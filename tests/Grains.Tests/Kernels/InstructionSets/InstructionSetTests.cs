using System.Diagnostics;
using Similarity.TestSupport;

namespace Similarity.Grains.Tests.Kernels.InstructionSets;

/// <summary>
/// The 256-bit, 128-bit and scalar paths, each in a child process whose runtime has the wider instructions switched off,
/// give exactly the bytes this process gives (on this machine, the 512-bit path).
/// </summary>
public class InstructionSetTests
{
    public static TheoryData<string, string> NarrowerRuntimes => new()
    {
        // .NET 10 reads DOTNET_EnableAVX512 (DOTNET_EnableAVX512F no longer switches AVX-512 off).
        { "DOTNET_EnableAVX512", "512=False" },
        { "DOTNET_EnableAVX2", "256=False" },
        { "DOTNET_EnableHWIntrinsic", "128=False" },
    };

    [Theory]
    [MemberData(nameof(NarrowerRuntimes))]
    public async Task Narrower_vectors_give_the_same_bits(string variable, string switchedOff)
    {
        using var folder = new ScratchFolder();
        var path = Path.Combine(folder.Path, "transcript.bin");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(TranscriptProgram).Assembly.Location);
        start.ArgumentList.Add(TranscriptProgram.Verb);
        start.ArgumentList.Add(path);
        start.Environment[variable] = "0";

        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the child process");
        var stderr = child.StandardError.ReadToEndAsync();
        await child.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await child.WaitForExitAsync(timeout.Token);

        Assert.True(child.ExitCode == 0, $"child exited with {child.ExitCode}: {await stderr}");
        Assert.Contains(switchedOff, await File.ReadAllTextAsync(path + ".isa"));
        Assert.Equal(KernelTranscript.Record(), await File.ReadAllBytesAsync(path));
    }
}
