namespace Similarity.TestSupport;

/// <summary>Locates the read-only <c>shared</c> folder (fixtures and data sets) that sits beside the checkout.</summary>
public static class SharedFolder
{
    private static readonly Lazy<string> Root = new(Locate);

    /// <summary>The <c>shared</c> folder: <c>SIMILARITY_SHARED</c> if set, else the first <c>../shared</c> above the test binaries.</summary>
    public static string Path => Root.Value;

    public static string Fixtures => System.IO.Path.Combine(Path, "fixtures");

    public static string Data => System.IO.Path.Combine(Path, "data");

    public static string Fixture(params string[] parts) => System.IO.Path.Combine([Fixtures, .. parts]);

    public static string Model(string name) => Fixture("models", name);

    private static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("SIMILARITY_SHARED");
        if (!string.IsNullOrEmpty(configured))
        {
            return Directory.Exists(configured)
                ? System.IO.Path.GetFullPath(configured)
                : throw new DirectoryNotFoundException($"SIMILARITY_SHARED points to '{configured}', which does not exist.");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "fixtures")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            "Could not find the 'shared' folder (fixtures and data) above " + AppContext.BaseDirectory + "; set SIMILARITY_SHARED.");
    }
}
