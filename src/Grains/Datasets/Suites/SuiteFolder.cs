namespace Similarity.Grains.Datasets.Suites;

/// <summary>
/// Finds a suite's folder: the data directory itself when it is named like the suite's folder, otherwise the matching
/// sub-folders of it (e.g. <c>data/stsb</c>, or <c>data/mstsb-dev</c> and <c>data/mstsb-test</c>).
/// </summary>
internal sealed record SuiteFolder(string Name, bool AllowsSuffix)
{
    public bool Matches(string folderName) =>
        string.Equals(folderName, Name, StringComparison.Ordinal)
        || (AllowsSuffix && folderName.StartsWith(Name + "-", StringComparison.Ordinal));

    public IReadOnlyList<string> Resolve(string dataDirectory, string suite)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        if (!Directory.Exists(dataDirectory))
        {
            throw new DatasetNotFoundException(File.Exists(dataDirectory)
                ? $"data folder '{dataDirectory}' is a file; give the folder that holds the suite's folder"
                : $"data folder '{dataDirectory}' does not exist");
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDirectory));
        if (Matches(Path.GetFileName(full)))
        {
            return [full];
        }

        var folders = Directory.EnumerateDirectories(full)
            .Where(d => Matches(Path.GetFileName(d)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (folders.Count == 0)
        {
            var expected = AllowsSuffix ? $"'{Name}' or '{Name}-*'" : $"'{Name}'";
            throw new DatasetNotFoundException($"no {suite} data in '{full}': expected a folder named {expected}");
        }

        return folders;
    }

    /// <summary>How a file is named in messages: its folder and name, e.g. <c>stsb/dev.tsv</c>.</summary>
    public static string DisplayName(string path) =>
        Path.GetFileName(Path.GetDirectoryName(path)) + "/" + Path.GetFileName(path);
}
