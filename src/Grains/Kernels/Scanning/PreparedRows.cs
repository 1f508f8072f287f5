using System.Buffers;
using System.Runtime.InteropServices;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Kernels.Scanning;

/// <summary>
/// One side of a scan, made ready once: checked for NaN/∞, unit rows for cosine (pooled, pinned),
/// float64 norms for error bounds, and the exact float64 score that final orderings use.
/// </summary>
internal sealed unsafe class PreparedRows : IDisposable
{
    private readonly float[]? _rented;
    private readonly double[] _scales;
    private GCHandle _pin;

    /// <summary>Prepares <paramref name="source"/>, rows in parallel as <paramref name="options"/> allow.</summary>
    public PreparedRows(EmbeddingMatrix source, SimilarityFunction function, string input, KernelOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        FiniteEmbeddings.EnsureFinite(source, input);
        Source = source;
        Function = function;
        Kernel = function switch
        {
            SimilarityFunction.Cosine or SimilarityFunction.Dot => ScoreKernel.Dot,
            SimilarityFunction.Manhattan => ScoreKernel.NegatedManhattan,
            SimilarityFunction.Euclidean => ScoreKernel.NegatedEuclidean,
            _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
        };

        var cosine = function == SimilarityFunction.Cosine;
        var norms = new double[source.Rows];
        var scales = new double[cosine ? source.Rows : 0];
        var unit = cosine ? ArrayPool<float>.Shared.Rent(Math.Max(1, source.Data.Length)) : null;
        const int chunk = 1024;
        Parallel.For(0, (source.Rows + chunk - 1) / chunk, options.ParallelOptions(), c =>
        {
            var data = source.Buffer;
            var d = source.Columns;
            for (var i = c * chunk; i < Math.Min(source.Rows, (c + 1) * chunk); i++)
            {
                var row = data.AsSpan(i * d, d);
                norms[i] = PreciseScores.Norm(row);
                if (unit is not null)
                {
                    scales[i] = Math.Max(norms[i], PreciseScores.MinimumNorm);
                    UnitRows.Scale(row, 1.0 / scales[i], unit.AsSpan(i * d, d));
                }
            }
        });

        Norms = norms;
        MaxNorm = norms.Length == 0 ? 0 : norms.Max();
        _scales = scales;
        _rented = unit;
        var rows = unit ?? source.Buffer;

        _pin = GCHandle.Alloc(rows, GCHandleType.Pinned);
        Pointer = (float*)_pin.AddrOfPinnedObject();
    }

    public EmbeddingMatrix Source { get; }

    public SimilarityFunction Function { get; }

    public ScoreKernel Kernel { get; }

    public int Count => Source.Rows;

    public int Dimensions => Source.Columns;

    /// <summary>The rows the float32 kernels read (unit rows for cosine), pinned for the object's lifetime.</summary>
    public float* Pointer { get; }

    /// <summary>Float64 L2 norm of each source row.</summary>
    public double[] Norms { get; }

    public double MaxNorm { get; }

    public float* Row(int index) => Pointer + (nint)index * Dimensions;

    /// <summary>The float64 score of this side's row against <paramref name="other"/>'s row: symmetric, bit for bit.</summary>
    public double PreciseScore(int row, PreparedRows other, int otherRow)
    {
        var a = Source.Row(row);
        var b = other.Source.Row(otherRow);

        // PreciseScores.Cosine to the bit, with the clamped norms computed once per row instead of per pair.
        return Function == SimilarityFunction.Cosine
            ? PreciseScores.Dot(a, b) / (_scales[row] * other._scales[otherRow])
            : PreciseScores.Score(Function, a, b);
    }

    /// <summary>How far a float32 kernel score of <paramref name="row"/> against any row of <paramref name="other"/> can be from the float64 score.</summary>
    public ScoreErrorBound ErrorBound(int row, PreparedRows other) =>
        ScoreErrorBound.For(Function, Dimensions, Norms[row], other.MaxNorm);

    public void Dispose()
    {
        if (_pin.IsAllocated)
        {
            _pin.Free();
        }

        if (_rented is not null)
        {
            ArrayPool<float>.Shared.Return(_rented);
        }
    }
}
