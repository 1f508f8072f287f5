namespace Similarity.Deploy.Tests.Manifests;

/// <summary>Locates the checkout's <c>deploy/k8s</c> from the test binaries, so the tests read the manifests as committed.</summary>
public static class ManifestFolder
{
    private static readonly Lazy<string> Root = new(Locate);

    /// <summary>The <c>deploy/k8s</c> folder of the first folder above the test binaries that holds <c>Distributed.sln</c>.</summary>
    public static string Path => Root.Value;

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Distributed.sln")))
            {
                var manifests = System.IO.Path.Combine(dir.FullName, "deploy", "k8s");
                return Directory.Exists(manifests)
                    ? manifests
                    : throw new DirectoryNotFoundException($"The repository at '{dir.FullName}' has no deploy/k8s folder.");
            }
        }

        throw new DirectoryNotFoundException("Could not find the repository root (Distributed.sln) above " + AppContext.BaseDirectory + ".");
    }
}
