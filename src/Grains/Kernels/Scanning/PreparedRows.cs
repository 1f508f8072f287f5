using System.Buffers;
using System.Runtime.InteropServices;
using Similarity.Grains.Kernels.Panels;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Kernels.Scanning;

/// <summary>
/// One side of a scan, made ready once: checked for NaN/∞, packed into the micro-tiles' corpus panels (unit rows for
/// cosine, pooled, pinned), float64 norms for error bounds, and the exact float64 score that final orderings use.
/// The same rows can be the query side too: query panels are packed per work item from the source rows. The source is
/// read where it lies (a matrix, or a shard's blocks; float16 widened row by row), never copied whole.
/// </summary>
internal sealed unsafe class PreparedRows : IDisposable
{
    private readonly float[] _rented;
    private readonly double[] _scales;
    private GCHandle _pin;

    /// <summary>Float32 scratch for widening float16 rows when scoring them exactly: two rows per thread.</summary>
    [ThreadStatic]
    private static float[]? t_widened;

    /// <summary>Prepares the rows of <paramref name="source"/>, in parallel as <paramref name="options"/> allow.</summary>
    public PreparedRows(EmbeddingMatrix source, SimilarityFunction function, string input, KernelOptions options)
        : this(BlockRows.Of(source), function, input, options)
    {
    }

    /// <summary>Prepares <paramref name="source"/>, rows in parallel as <paramref name="options"/> allow.</summary>
    public PreparedRows(BlockRows source, SimilarityFunction function, string input, KernelOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        FiniteEmbeddings.EnsureFinite(source, input);
        Source = source;
        Function = function;
        Kernel = function.Kernel();

        var cosine = function == SimilarityFunction.Cosine;
        var norms = new double[source.Count];
        var scales = new double[cosine ? source.Count : 0];
        KernelParallel.For((source.Count + NormTask.Rows - 1) / NormTask.Rows, options, new NormTask(source, norms, scales));

        Norms = norms;
        MaxNorm = norms.Length == 0 ? 0 : norms.Max();
        _scales = scales;
        _rented = ArrayPool<float>.Shared.Rent((int)Math.Max(1, PanelPacker.Length(source.Count, PanelScores.RightWidth, source.Dimensions)));
        if (source.Dimensions > 0)
        {
            PanelPacker.Pack(source, PanelScores.RightWidth, cosine, _rented, options);
        }

        _pin = GCHandle.Alloc(_rented, GCHandleType.Pinned);
        Panels = (float*)_pin.AddrOfPinnedObject();
    }

    public BlockRows Source { get; }

    public SimilarityFunction Function { get; }

    public ScoreKernel Kernel { get; }

    public int Count => Source.Count;

    public int Dimensions => Source.Dimensions;

    /// <summary>The rows as corpus panels (<see cref="PanelScores.RightWidth"/> rows each), pinned for the object's lifetime.</summary>
    public float* Panels { get; }

    /// <summary>Float64 L2 norm of each source row.</summary>
    public double[] Norms { get; }

    public double MaxNorm { get; }

    /// <summary>Packs rows <c>[first, first + count)</c> as query panels (<see cref="PanelScores.LeftWidth"/> rows each), values as in <see cref="Panels"/>.</summary>
    public void PackQueries(int first, int count, Span<float> destination) =>
        PanelPacker.Pack(Source, first, count, PanelScores.LeftWidth, Function == SimilarityFunction.Cosine, destination);

    /// <summary>The float64 score of this side's row against <paramref name="other"/>'s row: symmetric, bit for bit.</summary>
    public double PreciseScore(int row, PreparedRows other, int otherRow)
    {
        var scratch = Scratch(2 * Dimensions);
        var a = Source.Row(row, scratch);
        var b = other.Source.Row(otherRow, scratch[Dimensions..]);

        // PreciseScores.Cosine to the bit, with the clamped norms computed once per row instead of per pair.
        return Function == SimilarityFunction.Cosine
            ? PreciseScores.Dot(a, b) / (_scales[row] * other._scales[otherRow])
            : PreciseScores.Score(Function, a, b);
    }

    /// <summary>How far a float32 kernel score of <paramref name="row"/> against any row of <paramref name="other"/> can be from the float64 score.</summary>
    public ScoreErrorBound ErrorBound(int row, PreparedRows other) =>
        ScoreErrorBound.For(Function, Dimensions, Norms[row], other.MaxNorm);

    /// <summary>This thread's widening scratch, at least <paramref name="length"/> floats (only float16 rows write to it).</summary>
    private static Span<float> Scratch(int length)
    {
        var scratch = t_widened;
        if (scratch is null || scratch.Length < length)
        {
            t_widened = scratch = new float[length];
        }

        return scratch;
    }

    public void Dispose()
    {
        if (_pin.IsAllocated)
        {
            _pin.Free();
        }

        ArrayPool<float>.Shared.Return(_rented);
    }

    /// <summary>Float64 norms (and, for cosine, clamped norms) of a chunk of rows.</summary>
    private readonly struct NormTask(BlockRows source, double[] norms, double[] scales) : IKernelWork
    {
        public const int Rows = 1024;

        public void Run(int item)
        {
            var scratch = Scratch(source.Dimensions);
            for (var i = item * Rows; i < Math.Min(source.Count, (item + 1) * Rows); i++)
            {
                norms[i] = PreciseScores.Norm(source.Row(i, scratch));
                if (scales.Length > 0)
                {
                    scales[i] = Math.Max(norms[i], PreciseScores.MinimumNorm);
                }
            }
        }
    }
}
