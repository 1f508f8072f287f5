using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Silo.Tests.Doubles;

/// <summary>In-process results to compare cluster results with: the same model, called directly.</summary>
public static class Reference
{
    public static EmbeddingMatrix Encode(ISentenceEncoder encoder, IReadOnlyList<string> texts) => encoder.EncodeAsync(texts).GetAwaiter().GetResult();

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
}
