using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Silo.Tests.Doubles;

/// <summary>In-process results to compare cluster results with: the same model, called directly.</summary>
public static class Reference
{
    /// <summary>How far a value through the cluster may be from the in-process one.</summary>
    public const float Tolerance = 1e-6f;

    public static EmbeddingMatrix Encode(ISentenceEncoder encoder, IReadOnlyList<string> texts) => encoder.EncodeAsync(texts).GetAwaiter().GetResult();

    /// <summary>Same shape, every row the same bit for bit (test doubles are deterministic).</summary>
    public static void AssertSame(EmbeddingMatrix expected, EmbeddingMatrix actual)
    {
        Assert.Equal(expected.Rows, actual.Rows);
        Assert.Equal(expected.Columns, actual.Columns);
        for (var i = 0; i < expected.Rows; i++)
        {
            if (!expected.Row(i).SequenceEqual(actual.Row(i)))
            {
                Assert.Fail($"row {i} differs: expected [{string.Join(", ", expected.Row(i).ToArray())}], got [{string.Join(", ", actual.Row(i).ToArray())}]");
            }
        }
    }

    /// <summary>Same shape, every value within <see cref="Tolerance"/>: a lost, duplicated or misplaced row shows at once.</summary>
    public static void AssertClose(EmbeddingMatrix expected, EmbeddingMatrix actual)
    {
        Assert.Equal((expected.Rows, expected.Columns), (actual.Rows, actual.Columns));
        for (var i = 0; i < expected.Rows; i++)
        {
            var want = expected.Row(i);
            var got = actual.Row(i);
            for (var j = 0; j < want.Length; j++)
            {
                if (!(Math.Abs(want[j] - got[j]) <= Tolerance))
                {
                    Assert.Fail($"row {i}, column {j}: expected {want[j]}, got {got[j]} (tolerance {Tolerance})");
                }
            }
        }
    }
}
