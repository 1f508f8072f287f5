using System.Runtime.CompilerServices;
using System.Text;

namespace Similarity.Inference.OnnxRuntime;

/// <summary>The concrete dimensions of a tensor (up to <see cref="MaxRank"/>), held inline so passing shapes allocates nothing.</summary>
public readonly struct TensorShape : IEquatable<TensorShape>
{
    /// <summary>The largest rank a shape can hold; transformer inputs and outputs use 1 to 3.</summary>
    public const int MaxRank = 8;

    private readonly DimensionBuffer _dimensions;
    private readonly int _rank;

    public TensorShape(ReadOnlySpan<long> dimensions)
    {
        if (dimensions.Length > MaxRank)
        {
            throw new ArgumentException($"A tensor shape holds at most {MaxRank} dimensions, got {dimensions.Length}.", nameof(dimensions));
        }

        _rank = dimensions.Length;
        dimensions.CopyTo(_dimensions);
    }

    public TensorShape(long first, long second)
    {
        _rank = 2;
        _dimensions[0] = first;
        _dimensions[1] = second;
    }

    public TensorShape(long first, long second, long third)
    {
        _rank = 3;
        _dimensions[0] = first;
        _dimensions[1] = second;
        _dimensions[2] = third;
    }

    public int Rank => _rank;

    public long this[int axis]
    {
        get
        {
            if ((uint)axis >= (uint)_rank)
            {
                throw new ArgumentOutOfRangeException(nameof(axis), axis, $"Axis must be in [0, {_rank}).");
            }

            return _dimensions[axis];
        }
    }

    /// <summary>Product of the dimensions (1 for a scalar); -1 if any dimension is negative (unknown).</summary>
    public long ElementCount
    {
        get
        {
            long count = 1;
            for (var i = 0; i < _rank; i++)
            {
                if (_dimensions[i] < 0)
                {
                    return -1;
                }

                count = checked(count * _dimensions[i]);
            }

            return count;
        }
    }

    public void CopyTo(Span<long> destination) => ((ReadOnlySpan<long>)_dimensions)[.._rank].CopyTo(destination);

    public bool Equals(TensorShape other)
    {
        if (_rank != other._rank)
        {
            return false;
        }

        for (var i = 0; i < _rank; i++)
        {
            if (_dimensions[i] != other._dimensions[i])
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is TensorShape other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (var i = 0; i < _rank; i++)
        {
            hash.Add(_dimensions[i]);
        }

        return hash.ToHashCode();
    }

    public static bool operator ==(TensorShape left, TensorShape right) => left.Equals(right);

    public static bool operator !=(TensorShape left, TensorShape right) => !left.Equals(right);

    /// <summary>Like numpy: <c>[2, 5]</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("[");
        for (var i = 0; i < _rank; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(_dimensions[i]);
        }

        return text.Append(']').ToString();
    }

    [InlineArray(MaxRank)]
    private struct DimensionBuffer
    {
        private long _element;
    }
}
