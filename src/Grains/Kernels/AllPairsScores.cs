using System.Buffers;
using System.Runtime.ExceptionServices;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Kernels;

/// <summary>
/// All-vs-all scores, <c>destination[i·rightRows + j] = f(left[i], right[j])</c>, in float32: blocked into
/// cache-sized tiles, vectorised (512/256/128-bit), threads over blocks of left rows. Use it when the whole
/// matrix is wanted; for top-k or a threshold use search, mining or community detection, which never hold it.
/// </summary>
public static unsafe class AllPairsScores
{
    public static EmbeddingMatrix Compute(SimilarityFunction function, EmbeddingMatrix left, EmbeddingMatrix right, KernelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var result = new EmbeddingMatrix(left.Rows, right.Rows);
        Compute(function, left, right, result.Data, options);
        return result;
    }

    public static void Compute(SimilarityFunction function, EmbeddingMatrix left, EmbeddingMatrix right, Span<float> destination, KernelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Columns != right.Columns)
        {
            throw new ArgumentException($"Left rows have {left.Columns} dimensions but right rows have {right.Columns}.");
        }

        if (destination.Length != (long)left.Rows * right.Rows)
        {
            throw new ArgumentException($"Destination holds {destination.Length} scores; {(long)left.Rows * right.Rows} needed.", nameof(destination));
        }

        FiniteEmbeddings.EnsureFinite(left, "left");
        FiniteEmbeddings.EnsureFinite(right, "right");
        if (left.Columns == 0)
        {
            destination.Clear();
            return;
        }

        Compute(function, left.Data, right.Data, left.Columns, destination, options);
    }

    /// <summary>Dot products of every left row with every right row.</summary>
    public static void Dot(ReadOnlySpan<float> left, ReadOnlySpan<float> right, int dimensions, Span<float> destination, KernelOptions? options = null) =>
        Compute(SimilarityFunction.Dot, left, right, dimensions, destination, options);

    /// <summary>Cosine similarities: both sides are normalised once (pooled buffers), then dotted.</summary>
    public static void Cosine(ReadOnlySpan<float> left, ReadOnlySpan<float> right, int dimensions, Span<float> destination, KernelOptions? options = null) =>
        Compute(SimilarityFunction.Cosine, left, right, dimensions, destination, options);

    /// <summary><c>−Σ|a − b|</c> for every pair.</summary>
    public static void NegatedManhattan(ReadOnlySpan<float> left, ReadOnlySpan<float> right, int dimensions, Span<float> destination, KernelOptions? options = null) =>
        Compute(SimilarityFunction.Manhattan, left, right, dimensions, destination, options);

    /// <summary><c>−‖a − b‖₂</c> for every pair.</summary>
    public static void NegatedEuclidean(ReadOnlySpan<float> left, ReadOnlySpan<float> right, int dimensions, Span<float> destination, KernelOptions? options = null) =>
        Compute(SimilarityFunction.Euclidean, left, right, dimensions, destination, options);

    /// <summary>Row-major rows of <paramref name="dimensions"/> values on both sides; the destination is leftRows × rightRows.</summary>
    public static void Compute(
        SimilarityFunction function, ReadOnlySpan<float> left, ReadOnlySpan<float> right, int dimensions, Span<float> destination, KernelOptions? options = null)
    {
        options ??= KernelOptions.Default;
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        if (left.Length % dimensions != 0 || right.Length % dimensions != 0)
        {
            throw new ArgumentException($"Inputs of {left.Length} and {right.Length} values are not whole rows of {dimensions}.");
        }

        var leftRows = left.Length / dimensions;
        var rightRows = right.Length / dimensions;
        if (destination.Length != (long)leftRows * rightRows)
        {
            throw new ArgumentException($"Destination holds {destination.Length} scores; {(long)leftRows * rightRows} needed.", nameof(destination));
        }

        FiniteEmbeddings.EnsureFinite(left, dimensions, "left");
        FiniteEmbeddings.EnsureFinite(right, dimensions, "right");
        if (function != SimilarityFunction.Cosine)
        {
            var kernel = function switch
            {
                SimilarityFunction.Dot => ScoreKernel.Dot,
                SimilarityFunction.Manhattan => ScoreKernel.NegatedManhattan,
                SimilarityFunction.Euclidean => ScoreKernel.NegatedEuclidean,
                _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
            };
            fixed (float* l = left, r = right, d = destination)
            {
                Run(kernel, l, leftRows, r, rightRows, dimensions, d, options);
            }

            return;
        }

        var unitLeft = ArrayPool<float>.Shared.Rent(left.Length);
        var unitRight = ArrayPool<float>.Shared.Rent(right.Length);
        try
        {
            UnitRows.Normalize(left, dimensions, unitLeft.AsSpan(0, left.Length));
            UnitRows.Normalize(right, dimensions, unitRight.AsSpan(0, right.Length));
            fixed (float* l = unitLeft, r = unitRight, d = destination)
            {
                Run(ScoreKernel.Dot, l, leftRows, r, rightRows, dimensions, d, options);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(unitLeft);
            ArrayPool<float>.Shared.Return(unitRight);
        }
    }

    private static void Run(ScoreKernel kernel, float* left, int leftRows, float* right, int rightRows, int dimensions, float* destination, KernelOptions options)
    {
        var tileRows = options.QueryRows(dimensions);
        var panelRows = options.PanelRows(dimensions);
        var rightBlock = options.CorpusRows(dimensions);
        var panels = (leftRows + panelRows - 1) / panelRows;

        // Pointers into pinned memory, as integers so the panel bodies can share them.
        nint l = (nint)left, r = (nint)right, d = (nint)destination;
        try
        {
            Parallel.For(0, panels, options.ParallelOptions(), panel =>
            {
                var panelStart = panel * panelRows;
                var panelEnd = Math.Min(panelStart + panelRows, leftRows);
                for (var j0 = 0; j0 < rightRows; j0 += rightBlock)
                {
                    // This block of right rows stays in L2 while the panel's left tiles pass over it.
                    var width = Math.Min(rightBlock, rightRows - j0);
                    for (var i0 = panelStart; i0 < panelEnd; i0 += tileRows)
                    {
                        ScoreTiles.Compute(
                            kernel,
                            (float*)l + (nint)i0 * dimensions,
                            Math.Min(tileRows, panelEnd - i0),
                            (float*)r + (nint)j0 * dimensions,
                            width,
                            dimensions,
                            (float*)d + (nint)i0 * rightRows + j0,
                            rightRows);
                    }
                }
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }
}
