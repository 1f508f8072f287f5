using Similarity.Inference.Tensors;

namespace Similarity.Grains.Evaluation.Embedding;

/// <summary>Each distinct sentence of an evaluation and its embedding, so pairs look rows up instead of re-encoding.</summary>
public sealed class EmbeddedSentences
{
    private readonly Dictionary<string, int> _rows;

    public EmbeddedSentences(IReadOnlyList<string> sentences, EmbeddingMatrix embeddings)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(embeddings);
        if (sentences.Count != embeddings.Rows)
        {
            throw new ArgumentException($"{sentences.Count} sentences but {embeddings.Rows} embeddings.", nameof(embeddings));
        }

        _rows = new Dictionary<string, int>(sentences.Count, StringComparer.Ordinal);
        for (var i = 0; i < sentences.Count; i++)
        {
            if (!_rows.TryAdd(sentences[i], i))
            {
                throw new ArgumentException($"Sentence {i} repeats an earlier one; embedded sentences must be distinct.", nameof(sentences));
            }
        }

        Embeddings = embeddings;
    }

    /// <summary>One row per distinct sentence.</summary>
    public EmbeddingMatrix Embeddings { get; }

    public int Count => Embeddings.Rows;

    /// <summary>The embedding of <paramref name="sentence"/>, which must be among the embedded sentences.</summary>
    public ReadOnlySpan<float> Of(string sentence) => _rows.TryGetValue(sentence, out var row)
        ? Embeddings.Row(row)
        : throw new KeyNotFoundException($"No embedding for the sentence \"{Abbreviate(sentence)}\"; it was not among the embedded sentences.");

    internal static string Abbreviate(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
