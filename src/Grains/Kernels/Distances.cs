using System.Numerics;
using System.Runtime.InteropServices;

namespace Similarity.Grains.Kernels;

/// <summary>Distances that <c>TensorPrimitives</c> lacks, vectorised the same way.</summary>
public static class Distances
{
    /// <summary>L1 distance, <c>Σ |a[i] − b[i]|</c>.</summary>
    public static float Manhattan(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Vectors differ in length: {a.Length} and {b.Length}.");
        }

        var i = 0;
        var sum = 0f;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            var acc = Vector<float>.Zero;
            for (var v = 0; v < va.Length; v++)
            {
                acc += Vector.Abs(va[v] - vb[v]);
            }

            sum = Vector.Sum(acc);
            i = va.Length * Vector<float>.Count;
        }

        for (; i < a.Length; i++)
        {
            sum += MathF.Abs(a[i] - b[i]);
        }

        return sum;
    }
}
