namespace Similarity.Grains.Datasets.Suites;

/// <summary>The split names a suite can be asked for.</summary>
public static class SplitNames
{
    public const string Test = "test";
    public const string Dev = "dev";
    public const string Train = "train";

    public static IReadOnlyList<string> All { get; } = [Test, Dev, Train];

    public static bool IsKnown(string split) => All.Contains(split, StringComparer.Ordinal);

    /// <summary>Builds the error for a split a suite does not have, listing the ones it does.</summary>
    internal static DatasetNotFoundException Missing(string suite, string split, string where, IReadOnlyCollection<string> available)
    {
        var known = available.Count == 0 ? "none (no data files found)" : string.Join(", ", available);
        return new DatasetNotFoundException($"{suite} has no '{split}' split in {where}; available: {known}");
    }
}
