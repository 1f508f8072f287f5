using FsCheck;
using FsCheck.Fluent;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Tests.Kernels;

/// <summary>Random embedding sets for property tests, including the awkward ones: one row, none, duplicates, all equal.</summary>
public static class RandomEmbeddings
{
    /// <summary>Small integers: every sum is exact, so ties are real ties and float64 references agree bit for bit.</summary>
    public static Gen<float> SmallIntegers { get; } = Gen.Choose(-3, 3).Select(x => (float)x);

    /// <summary>Values in (−1, 1) with 6 decimals: ties only where rows repeat.</summary>
    public static Gen<float> Reals { get; } = Gen.Choose(-1_000_000, 1_000_000).Select(x => x / 1_000_000f);

    public static Gen<float> AnyValues { get; } = Gen.OneOf(SmallIntegers, Reals);

    /// <summary><paramref name="rows"/> × <paramref name="dimensions"/>, where some rows may copy earlier ones or all rows may be equal.</summary>
    public static Gen<EmbeddingMatrix> Matrix(int rows, int dimensions, Gen<float> values) =>
        from data in Gen.ArrayOf(values, rows * dimensions)
        from shape in Gen.Choose(0, 3)
        from copies in Gen.ArrayOf(Gen.Choose(0, Math.Max(0, rows - 1)), rows)
        select Shape(new EmbeddingMatrix(rows, dimensions, data), shape, copies);

    public static Gen<(EmbeddingMatrix Left, EmbeddingMatrix Right)> Pair(int maxRows = 40, int maxDimensions = 40) =>
        from dimensions in Gen.Choose(1, maxDimensions)
        from leftRows in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Constant(1)), (10, Gen.Choose(0, maxRows)))
        from rightRows in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Constant(1)), (10, Gen.Choose(0, maxRows)))
        from values in Gen.Elements(SmallIntegers, Reals)
        from left in Matrix(leftRows, dimensions, values)
        from right in Matrix(rightRows, dimensions, values)
        select (left, right);

    public static Gen<EmbeddingMatrix> Single(int maxRows = 60, int maxDimensions = 24) =>
        from dimensions in Gen.Choose(1, maxDimensions)
        from rows in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Constant(1)), (10, Gen.Choose(0, maxRows)))
        from values in Gen.Elements(SmallIntegers, Reals)
        from matrix in Matrix(rows, dimensions, values)
        select matrix;

    public static Config Config(int maxTests = 150) => FsCheck.Config.QuickThrowOnFailure.WithMaxTest(maxTests);

    // 0: as drawn; 1: some rows copy earlier rows; 2: every row equals row 0; 3: rows copy and are scaled by 2 (same direction).
    private static EmbeddingMatrix Shape(EmbeddingMatrix matrix, int shape, int[] copies)
    {
        for (var i = 1; i < matrix.Rows; i++)
        {
            switch (shape)
            {
                case 1 when copies[i] < i && copies[i] % 2 == 0:
                    matrix.Row(copies[i]).CopyTo(matrix.Row(i));
                    break;
                case 2:
                    matrix.Row(0).CopyTo(matrix.Row(i));
                    break;
                case 3 when copies[i] < i && copies[i] % 2 == 0:
                    var source = matrix.Row(copies[i]);
                    var target = matrix.Row(i);
                    for (var k = 0; k < source.Length; k++)
                    {
                        target[k] = 2 * source[k];
                    }

                    break;
            }
        }

        return matrix;
    }
}
