namespace Similarity.TestSupport;

/// <summary>A temporary folder for a test's input and output files (or a copy of a fixture model to break on purpose), deleted afterwards.</summary>
public sealed class ScratchFolder : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("similarity-test-");

    private ScratchFolder(string? model)
    {
        Path = model is null ? _folder.FullName : CopyOfModel(model);
    }

    public ScratchFolder()
        : this(null)
    {
    }

    /// <summary>The folder's root: the model copy for <see cref="WithCopyOfModel"/>.</summary>
    public string Path { get; }

    /// <summary>A scratch folder that is a copy of fixture model <paramref name="model"/>.</summary>
    public static ScratchFolder WithCopyOfModel(string model) => new(model);

    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a BOM to <c>Path/relativePath</c>, creating folders.</summary>
    public string Write(string relativePath, string text)
    {
        var path = CreateParent(relativePath);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes each of <paramref name="lines"/> followed by <c>\n</c> (UTF-8 without a BOM) to <c>Path/relativePath</c>, creating folders.</summary>
    public string WriteLines(string relativePath, IEnumerable<string> lines) => Write(relativePath, string.Concat(lines.Select(line => line + "\n")));

    public string Write(string relativePath, byte[] bytes)
    {
        var path = CreateParent(relativePath);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow CI disk must not fail the test that used it.
        }
    }

    /// <summary>Copies fixture model <paramref name="model"/> into a subfolder of the same name; returns its path.</summary>
    private string CopyOfModel(string model)
    {
        var source = SharedFolder.Model(model);
        var target = System.IO.Path.Combine(_folder.FullName, model);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(copy)!);
            System.IO.File.Copy(file, copy);
        }

        return target;
    }

    private string CreateParent(string relativePath)
    {
        var path = File(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        return path;
    }
}
