using System.Buffers;
using Similarity.Grains.Kernels.Panels;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Kernels;

/// <summary>
/// All-vs-all scores, <c>destination[i·rightRows + j] = f(left[i], right[j])</c>, in float32: both sides packed into
/// panels (unit rows for cosine), scored by register-blocked micro-tiles (512/256/128-bit), threads over bands of left
/// rows. Every score is the same bits whatever the tiles, threads or vector width. Use it when the whole matrix is
/// wanted; for top-k or a threshold use search, mining or community detection, which never hold it.
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

    /// <summary>Rows against rows read where they lie (a shard's blocks; float16 widened as they are packed), scored as if contiguous.</summary>
    public static EmbeddingMatrix Compute(SimilarityFunction function, EmbeddingMatrix left, BlockRows right, KernelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        options ??= KernelOptions.Default;
        options.Validate();
        _ = function.Kernel();
        if (left.Columns != right.Dimensions)
        {
            throw new ArgumentException($"Left rows have {left.Columns} dimensions but right rows have {right.Dimensions}.");
        }

        FiniteEmbeddings.EnsureFinite(left, "left");
        FiniteEmbeddings.EnsureFinite(right, "right");
        var result = new EmbeddingMatrix(left.Rows, right.Count);
        if (left.Rows == 0 || right.Count == 0 || left.Columns == 0)
        {
            return result;
        }

        var packed = ArrayPool<float>.Shared.Rent((int)PanelPacker.Length(right.Count, PanelScores.RightWidth, right.Dimensions));
        try
        {
            fixed (float* panels = packed)
            {
                PanelPacker.Pack(right, PanelScores.RightWidth, function == SimilarityFunction.Cosine, packed, options);
                Run<float>(function, left.Data, left.Rows, panels, right.Count, right.Dimensions, result.Data, options);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(packed);
        }

        return result;
    }

    /// <summary>Dot products of every left row with every right row.</summary>
    public static void Dot(ReadOnlySpan<float> left, ReadOnlySpan<float> right, int dimensions, Span<float> destination, KernelOptions? options = null) =>
        Compute(SimilarityFunction.Dot, left, right, dimensions, destination, options);

    /// <summary>Cosine similarities: both sides are normalised once, as they are packed (pooled buffers), then dotted.</summary>
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
        SimilarityFunction function, ReadOnlySpan<float> left, ReadOnlySpan<float> right, int dimensions, Span<float> destination, KernelOptions? options = null) =>
        Compute<float, float>(function, left, right, dimensions, destination, options);

    /// <summary>Float32 rows (e.g. queries) against float16 rows (e.g. a half-precision shard), scored in float32.</summary>
    public static void Compute(
        SimilarityFunction function, ReadOnlySpan<float> left, ReadOnlySpan<Half> right, int dimensions, Span<float> destination, KernelOptions? options = null) =>
        Compute<float, Half>(function, left, right, dimensions, destination, options);

    /// <summary>Float16 rows on both sides (e.g. two half-precision shards), scored in float32.</summary>
    public static void Compute(
        SimilarityFunction function, ReadOnlySpan<Half> left, ReadOnlySpan<Half> right, int dimensions, Span<float> destination, KernelOptions? options = null) =>
        Compute<Half, Half>(function, left, right, dimensions, destination, options);

    /// <summary>
    /// Rows against a side packed once (<see cref="PackedRows"/>), with its function: for scoring a large matrix band by band
    /// without packing the right side again.
    /// </summary>
    public static void Compute(ReadOnlySpan<float> left, PackedRows right, Span<float> destination, KernelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(right);
        options ??= KernelOptions.Default;
        options.Validate();
        var leftRows = PackedRows.RowCount(left.Length, right.Dimensions, "left");
        EnsureDestination(destination, leftRows, right.Count);
        FiniteEmbeddings.EnsureFinite(left, right.Dimensions, "left");
        Run(right.Function, left, leftRows, right.Panels, right.Count, right.Dimensions, destination, options);
    }

    private static void Compute<TLeft, TRight>(
        SimilarityFunction function, ReadOnlySpan<TLeft> left, ReadOnlySpan<TRight> right, int dimensions, Span<float> destination, KernelOptions? options)
        where TLeft : unmanaged
        where TRight : unmanaged
    {
        options ??= KernelOptions.Default;
        options.Validate();
        _ = function.Kernel();
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        if (left.Length % dimensions != 0 || right.Length % dimensions != 0)
        {
            throw new ArgumentException($"Inputs of {left.Length} and {right.Length} values are not whole rows of {dimensions}.");
        }

        var leftRows = left.Length / dimensions;
        var rightRows = right.Length / dimensions;
        EnsureDestination(destination, leftRows, rightRows);
        FiniteEmbeddings.EnsureFinite(left, dimensions, "left");
        FiniteEmbeddings.EnsureFinite(right, dimensions, "right");
        if (leftRows == 0 || rightRows == 0)
        {
            return;
        }

        var packed = ArrayPool<float>.Shared.Rent((int)PanelPacker.Length(rightRows, PanelScores.RightWidth, dimensions));
        try
        {
            fixed (TRight* source = right)
            fixed (float* panels = packed)
            {
                PanelPacker.Pack(source, rightRows, dimensions, PanelScores.RightWidth, function == SimilarityFunction.Cosine, packed, options);
                Run(function, left, leftRows, panels, rightRows, dimensions, destination, options);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(packed);
        }
    }

    /// <summary>Packs the left rows (pooled) and scores them against right panels, a band of left rows per work item.</summary>
    private static void Run<TLeft>(
        SimilarityFunction function, ReadOnlySpan<TLeft> left, int leftRows, float* right, int rightRows, int dimensions, Span<float> destination, KernelOptions options)
        where TLeft : unmanaged
    {
        if (leftRows == 0 || rightRows == 0)
        {
            return;
        }

        var kernel = function.Kernel();
        var packed = ArrayPool<float>.Shared.Rent((int)PanelPacker.Length(leftRows, PanelScores.LeftWidth, dimensions));
        try
        {
            fixed (TLeft* source = left)
            fixed (float* panels = packed, target = destination)
            {
                PanelPacker.Pack(source, leftRows, dimensions, PanelScores.LeftWidth, function == SimilarityFunction.Cosine, packed, options);
                var band = options.BalancedPanelRows(leftRows, dimensions);
                var work = new BandScores(kernel, panels, leftRows, right, rightRows, dimensions, target, band, options.CorpusRows(dimensions));
                KernelParallel.For((leftRows + band - 1) / band, options, work);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(packed);
        }
    }

    private static void EnsureDestination(Span<float> destination, int leftRows, int rightRows)
    {
        if (destination.Length != (long)leftRows * rightRows)
        {
            throw new ArgumentException($"Destination holds {destination.Length} scores; {(long)leftRows * rightRows} needed.", nameof(destination));
        }
    }

    /// <summary>Scores one band of left rows against every right row, a block of right panels (kept in L2) at a time.</summary>
    private readonly struct BandScores(
        ScoreKernel kernel, float* left, int leftRows, float* right, int rightRows, int dimensions, float* destination, int band, int block)
        : IKernelWork
    {
        public void Run(int item)
        {
            var first = item * band;
            var rows = Math.Min(band, leftRows - first);
            for (var j0 = 0; j0 < rightRows; j0 += block)
            {
                PanelScores.Compute(
                    kernel,
                    left + (nint)first * dimensions,
                    rows,
                    right,
                    j0,
                    Math.Min(block, rightRows - j0),
                    dimensions,
                    destination + (nint)first * rightRows + j0,
                    rightRows);
            }
        }
    }
}
