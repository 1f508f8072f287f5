using Similarity.Inference.Models;

namespace Similarity.Grains.Evaluation.Embedding;

/// <summary>Encodes each distinct sentence once, in batches through the encoder, longest first (see <see cref="LongestFirstBatches"/>).</summary>
public static class SentenceEmbedder
{
    private static readonly ModelOutputWording<string> Wording =
        new("encoder", "texts", sentence => $"in the embedding of \"{EmbeddedSentences.Abbreviate(sentence)}\"");

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
        var embeddings = await LongestFirstBatches.RunAsync(
                distinct, sentence => sentence.Length, batchSize, encoder.Dimension, encoder.EncodeAsync, Wording, progress, cancellationToken)
            .ConfigureAwait(false);
        return new EmbeddedSentences(distinct, embeddings);
    }
}
