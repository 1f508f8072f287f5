using System.Numerics.Tensors;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Kernels;

/// <summary>
/// The rows one side of a scan reads: one or more row-major blocks of float32 or float16 values (a matrix, or a shard's
/// cached blocks as they are), read in order as one matrix without being copied. Float16 values widen exactly to
/// float32 wherever a row is read, so every score is the one of the widened rows.
/// </summary>
public sealed class BlockRows
{
    private readonly ReadOnlyMemory<float>[] _singles;
    private readonly ReadOnlyMemory<Half>[] _halves;

    /// <summary>Row index of each block's first row, and the row count after the last block.</summary>
    private readonly int[] _starts;

    /// <summary>A matrix's values (its one block): rows read without a block search.</summary>
    private readonly float[]? _whole;

    private BlockRows(int dimensions, ReadOnlyMemory<float>[] singles, ReadOnlyMemory<Half>[] halves, float[]? whole = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dimensions);
        Dimensions = dimensions;
        _singles = singles;
        _halves = halves;
        var blocks = Math.Max(singles.Length, halves.Length);
        _starts = new int[blocks + 1];
        for (var b = 0; b < blocks; b++)
        {
            var values = IsHalf ? halves[b].Length : singles[b].Length;
            if (dimensions == 0 ? values != 0 : values % dimensions != 0)
            {
                throw new ArgumentException($"block {b}: {values} values are not whole rows of {dimensions}");
            }

            _starts[b + 1] = checked(_starts[b] + (dimensions == 0 ? 0 : values / dimensions));
        }

        Count = _starts[blocks];
        _whole = whole;
    }

    /// <summary>Rows in all blocks.</summary>
    public int Count { get; }

    /// <summary>Values per row.</summary>
    public int Dimensions { get; }

    /// <summary>True when the blocks hold float16 values.</summary>
    public bool IsHalf => _halves.Length > 0;

    internal int BlockCount => _starts.Length - 1;

    /// <summary>The rows of <paramref name="matrix"/> (not copied).</summary>
    public static BlockRows Of(EmbeddingMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return new BlockRows(matrix.Columns, [matrix.Buffer], [], matrix.Buffer);
    }

    /// <summary>Float32 blocks, in row order (not copied).</summary>
    public static BlockRows Of(int dimensions, IEnumerable<ReadOnlyMemory<float>> blocks) =>
        new(dimensions, [.. blocks.Where(b => !b.IsEmpty)], []);

    /// <summary>Float16 blocks, in row order (not copied).</summary>
    public static BlockRows Of(int dimensions, IEnumerable<ReadOnlyMemory<Half>> blocks) =>
        new(dimensions, [], [.. blocks.Where(b => !b.IsEmpty)]);

    /// <summary>Row <paramref name="row"/> as float32: the block's own values, or widened into <paramref name="scratch"/> (at least <see cref="Dimensions"/> long) for float16.</summary>
    public ReadOnlySpan<float> Row(int row, Span<float> scratch)
    {
        if (_whole is not null)
        {
            return _whole.AsSpan(row * Dimensions, Dimensions);
        }

        var block = BlockOf(row);
        var at = (row - _starts[block]) * Dimensions;
        if (!IsHalf)
        {
            return _singles[block].Span.Slice(at, Dimensions);
        }

        var widened = scratch[..Dimensions];
        TensorPrimitives.ConvertToSingle(_halves[block].Span.Slice(at, Dimensions), widened);
        return widened;
    }

    /// <summary>The index of the block holding row <paramref name="row"/>.</summary>
    internal int BlockOf(int row)
    {
        if ((uint)row >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Row index must be in [0, {Count}).");
        }

        int low = 0, high = BlockCount - 1;
        while (low < high)
        {
            var middle = (low + high + 1) >>> 1;
            if (_starts[middle] <= row)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    /// <summary>The row index of block <paramref name="block"/>'s first row (<see cref="Count"/> for one past the last block).</summary>
    internal int BlockStart(int block) => _starts[block];

    /// <summary>Block <paramref name="block"/>'s float32 values (empty for float16 rows).</summary>
    internal ReadOnlySpan<float> Singles(int block) => IsHalf ? default : _singles[block].Span;

    /// <summary>Block <paramref name="block"/>'s float16 values (empty for float32 rows).</summary>
    internal ReadOnlySpan<Half> Halves(int block) => IsHalf ? _halves[block].Span : default;
}
