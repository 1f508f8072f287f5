using Similarity.Inference.Tensors;
using Similarity.TestSupport;

namespace Similarity.Cli.Tests;

/// <summary>What the CLI tests need beyond <see cref="ModelReference"/>: line-based inputs and row-by-row comparisons.</summary>
internal static class ReferenceRows
{
    /// <summary>Indices of the reference sentences a line-based input can carry (no line breaks inside).</summary>
    public static int[] SingleLineSentences(this ModelReference reference)
    {
        var sentences = reference.Sentences;
        return Enumerable.Range(0, sentences.Count).Where(i => !sentences[i].Contains('\n') && !sentences[i].Contains('\r')).ToArray();
    }

    /// <summary>As many rows as expected, each within <see cref="ModelReference.Tolerance"/> of its expected row.</summary>
    public static void AssertRowsClose(IReadOnlyList<float[]> expected, IReadOnlyList<float[]> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var row = 0; row < actual.Count; row++)
        {
            AssertClose(expected[row], actual[row]);
        }
    }

    /// <summary>As many rows as expected, each within <see cref="ModelReference.Tolerance"/> of its expected row.</summary>
    public static void AssertRowsClose(IReadOnlyList<float[]> expected, EmbeddingMatrix actual)
    {
        Assert.Equal(expected.Count, actual.Rows);
        for (var row = 0; row < actual.Rows; row++)
        {
            AssertClose(expected[row], actual.Row(row));
        }
    }

    private static void AssertClose(IReadOnlyList<float> expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Count, actual.Length);
        for (var i = 0; i < actual.Length; i++)
        {
            Assert.InRange(Math.Abs(actual[i] - expected[i]), 0, ModelReference.Tolerance);
        }
    }
}
