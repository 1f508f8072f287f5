namespace Similarity.TestSupport.Servers;

/// <summary>
/// Data folders for test servers. As root the servers run as their own service users, who must be able to reach the
/// folder: a temp folder under a private parent (a TMPDIR inside /root, say) would make every server fail at once with
/// "permission denied", so such a parent is replaced by /tmp.
/// </summary>
public static class ServerFolder
{
    public static string Create(string prefix)
    {
        var parent = Path.GetTempPath();
        if (ServerCommand.IsRoot && !OperatingSystem.IsWindows() && !EveryoneCanTraverse(parent))
        {
            parent = "/tmp";
        }

        var folder = Path.Combine(parent, prefix + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Removes a stopped server's folder; a file the server still holds leaves the folder behind rather than failing the test.</summary>
    public static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static bool EveryoneCanTraverse(string path)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(path)); dir is not null; dir = dir.Parent)
        {
            if (!dir.Exists || (dir.UnixFileMode & UnixFileMode.OtherExecute) == 0)
            {
                return false;
            }
        }

        return true;
    }
}
