using Similarity.TestSupport;

namespace Similarity.Inference.Tests.Models;

/// <summary>A scratch copy of a fixture model folder under the temp directory, for tests that break it on purpose.</summary>
internal sealed class TemporaryModelFolder : IDisposable
{
    private TemporaryModelFolder(string path) => Path = path;

    public string Path { get; }

    public static TemporaryModelFolder Empty()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "similarity-model-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return new TemporaryModelFolder(path);
    }

    public static TemporaryModelFolder CopyOf(string model)
    {
        var folder = Empty();
        var source = SharedFolder.Model(model);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(folder.Path, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            System.IO.File.Copy(file, target);
        }

        return folder;
    }

    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Write(string relativePath, string text)
    {
        var target = File(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        System.IO.File.WriteAllText(target, text);
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
