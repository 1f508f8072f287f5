using Similarity.Inference.Models;
using Similarity.TestSupport;

namespace Similarity.Inference.Tests.Models;

/// <summary>Builds <see cref="TokenBatch"/>es from a reference's padded batch, exactly as PyTorch was fed.</summary>
internal static class ReferenceTokens
{
    /// <summary>The reference batch, or its first <paramref name="rows"/> rows.</summary>
    public static TokenBatch Batch(ModelReference reference, int rows = -1)
    {
        var batch = new TokenBatch();
        var size = rows < 0 ? reference.BatchSize : rows;
        batch.Reset(size, reference.SequenceLength, reference.PadTokenId);
        for (var row = 0; row < size; row++)
        {
            batch.SetPaddedRow(row, reference.InputIds[row], reference.AttentionMask[row], reference.TokenTypeIds[row]);
        }

        return batch;
    }

    /// <summary>The reference's PyTorch token embeddings, re-padded to [batch × sequence × hidden] with zeros.</summary>
    public static float[] PaddedTokenEmbeddings(ModelReference reference, int hidden)
    {
        var values = new float[reference.BatchSize * reference.SequenceLength * hidden];
        for (var row = 0; row < reference.BatchSize; row++)
        {
            var tokens = reference.TokenEmbeddings(row);
            for (var t = 0; t < tokens.Length; t++)
            {
                tokens[t].CopyTo(values, ((row * reference.SequenceLength) + t) * hidden);
            }
        }

        return values;
    }

    public static long[] FlatMask(ModelReference reference) => reference.AttentionMask.SelectMany(row => row).ToArray();

    public static double MaxAbsDifference(ReadOnlySpan<float> actual, float[][] expected)
    {
        var width = expected[0].Length;
        Assert.Equal(expected.Length * width, actual.Length);
        double worst = 0;
        for (var row = 0; row < expected.Length; row++)
        {
            worst = Math.Max(worst, ModelReference.MaxAbsDifference(actual.Slice(row * width, width), expected[row]));
        }

        return worst;
    }
}
