namespace Similarity.Inference.Tests.OnnxRuntime;

/// <summary>What the process holds, from /proc/self: resident memory, open file descriptors, threads.</summary>
internal readonly record struct ProcessResources(long ResidentBytes, int OpenFiles, int Threads)
{
    public static ProcessResources Measure()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        long resident = 0;
        var threads = 0;
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                resident = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
            else if (line.StartsWith("Threads:", StringComparison.Ordinal))
            {
                threads = int.Parse(line.Split('\t', ' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return new ProcessResources(resident, Directory.GetFileSystemEntries("/proc/self/fd").Length, threads);
    }
}
