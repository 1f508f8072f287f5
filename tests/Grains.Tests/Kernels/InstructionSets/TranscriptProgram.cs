namespace Similarity.Grains.Tests.Kernels.InstructionSets;

/// <summary>
/// The test assembly's entry point, used only when a test starts it as a child process with other runtime settings
/// (<c>dotnet Similarity.Grains.Tests.dll kernel-transcript FILE</c>): writes <see cref="KernelTranscript"/> to FILE and the
/// accelerated widths to FILE.isa. The test runner loads the assembly without calling it.
/// </summary>
public static class TranscriptProgram
{
    public const string Verb = "kernel-transcript";

    public static int Main(string[] args)
    {
        if (args is not [Verb, var path])
        {
            Console.Error.WriteLine($"usage: dotnet Similarity.Grains.Tests.dll {Verb} FILE");
            return 2;
        }

        File.WriteAllText(path + ".isa", KernelTranscript.InstructionSets);
        File.WriteAllBytes(path, KernelTranscript.Record());
        return 0;
    }
}
