using Similarity.Grains.Kernels;
using Similarity.Grains.Kernels.Scanning;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Clustering;

/// <summary>
/// Fast community detection, as sentence-transformers' <c>util.community_detection</c>: a row's community is every
/// row with cosine ≥ threshold (itself included), ordered by descending similarity, ties to the lower id; rows with at
/// least <c>minCommunitySize</c> members are candidates; candidates are taken largest first (ties: lower row), each
/// dropping members already taken, and kept while still ≥ the minimum size; the result is sorted by size (stable).
/// Cosine is float64-exact: float32 tiles only pick candidates within their error bound of the threshold; each pair is
/// scored once (the upper triangle) and listed for both its rows.
/// </summary>
public static class CommunityDetector
{
    public const double DefaultThreshold = 0.75;

    public const int DefaultMinCommunitySize = 10;

    /// <param name="minCommunitySize">Clamped to the number of rows, as sentence-transformers does.</param>
    public static Community[] Detect(
        EmbeddingMatrix embeddings,
        double threshold = DefaultThreshold,
        int minCommunitySize = DefaultMinCommunitySize,
        KernelOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        if (!double.IsFinite(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be a finite number.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(minCommunitySize, 1);
        options ??= KernelOptions.Default;
        options.Validate();
        if (embeddings.Rows == 0)
        {
            return [];
        }

        var minSize = Math.Min(minCommunitySize, embeddings.Rows);
        using var rows = new PreparedRows(embeddings, SimilarityFunction.Cosine, "embeddings", options);
        var neighbours = ThresholdNeighbours.ScanTriangle(rows, threshold, minSize, options, cancellationToken);
        return CommunityExtraction.Extract(neighbours, minSize);
    }
}
