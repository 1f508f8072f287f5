using System.Numerics.Tensors;

namespace Similarity.Grains.Corpora.Rows;

/// <summary>
/// Conversions between the float32 rows models produce and the float16 rows a float16 corpus keeps: narrowing rounds
/// to the nearest float16 (about 3 significant digits), widening is exact. The seam where packed float16 kernels plug
/// in: until they do, scoring widens a float16 block to float32 first (<see cref="RowBlock.CopyTo"/>).
/// </summary>
public static class Float16Rows
{
    /// <summary>Rounds <paramref name="values"/> to float16 into <paramref name="destination"/> (same length).</summary>
    public static void Narrow(ReadOnlySpan<float> values, Span<Half> destination) => TensorPrimitives.ConvertToHalf(values, destination);

    /// <summary>Widens float16 <paramref name="values"/> to float32 into <paramref name="destination"/> (same length), exactly.</summary>
    public static void Widen(ReadOnlySpan<Half> values, Span<float> destination) => TensorPrimitives.ConvertToSingle(values, destination);

    public static Half[] Narrow(ReadOnlySpan<float> values)
    {
        var narrowed = new Half[values.Length];
        Narrow(values, narrowed);
        return narrowed;
    }
}
