using System.Numerics.Tensors;

namespace Similarity.Inference.Models.Normalize;

/// <summary>sentence-transformers' Normalize module: each row divided by its L2 norm (at least 1e-12, like torch's F.normalize).</summary>
public static class L2Normalization
{
    private const float Epsilon = 1e-12f;

    public static void Apply(Span<float> values, int rows, int width)
    {
        for (var row = 0; row < rows; row++)
        {
            var vector = values.Slice(row * width, width);
            TensorPrimitives.Divide(vector, MathF.Max(TensorPrimitives.Norm(vector), Epsilon), vector);
        }
    }
}
