using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Evaluation.Embedding;

/// <summary>
/// Encodes each distinct sentence once, in batches through the encoder. Sentences go longest first so each batch holds
/// texts of similar length (less padding), and the most memory-hungry batch runs first.
/// </summary>
public static class SentenceEmbedder
{
    /// <summary>Embeddings of every distinct sentence; the encoder's output shape and values are checked.</summary>
    public static async Task<EmbeddedSentences> EmbedAsync(
        ISentenceEncoder encoder,
        IEnumerable<string> sentences,
        int batchSize,
        IProgress<EvaluationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);

        var distinct = sentences.Distinct(StringComparer.Ordinal).ToList();
        var order = Enumerable.Range(0, distinct.Count).OrderByDescending(i => distinct[i].Length).ToArray();
        var dimension = encoder.Dimension;
        var embeddings = new EmbeddingMatrix(distinct.Count, dimension);
        var batch = new List<string>(Math.Min(batchSize, distinct.Count));
        progress?.Report(new EvaluationProgress(0, distinct.Count));
        for (var start = 0; start < order.Length; start += batchSize)
        {
            var count = Math.Min(batchSize, order.Length - start);
            batch.Clear();
            for (var k = 0; k < count; k++)
            {
                batch.Add(distinct[order[start + k]]);
            }

            var encoded = await encoder.EncodeAsync(batch, cancellationToken).ConfigureAwait(false);
            if (encoded.Rows != count || encoded.Columns != dimension)
            {
                throw new ModelOutputException(
                    $"The encoder returned a {encoded.Rows}x{encoded.Columns} matrix for {count} texts; expected {count}x{dimension}.");
            }

            for (var k = 0; k < count; k++)
            {
                var row = encoded.Row(k);
                if (!AllFinite(row))
                {
                    throw new ModelOutputException($"The encoder returned NaN or infinity in the embedding of \"{EmbeddedSentences.Abbreviate(batch[k])}\".");
                }

                row.CopyTo(embeddings.Row(order[start + k]));
            }

            progress?.Report(new EvaluationProgress(start + count, distinct.Count));
        }

        return new EmbeddedSentences(distinct, embeddings);
    }

    private static bool AllFinite(ReadOnlySpan<float> values)
    {
        foreach (var v in values)
        {
            if (!float.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
