using System.Security.Cryptography;
using System.Text;
using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Silo.Tests.Doubles;

/// <summary>
/// A TEST DOUBLE, not a model: each text's embedding is derived from the SHA-256 of its UTF-8 bytes (unit length), so
/// results are deterministic and any lost, duplicated or misplaced row shows. An optional gate that holds every call, and
/// a poison text that throws, to exercise the cluster.
/// </summary>
public sealed class HashSentenceEncoder(int dimension = 16) : ISentenceEncoder
{
    private long _calls;
    private long _texts;

    public int Dimension { get; } = dimension;

    /// <summary>When set, calls wait here until it completes (for tests that fill queues).</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>A text that makes the encoder throw, like an input that crashes a runtime.</summary>
    public string? Poison { get; init; }

    public long Calls => Interlocked.Read(ref _calls);

    public long Texts => Interlocked.Read(ref _texts);

    public async Task<EmbeddingMatrix> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var result = new EmbeddingMatrix(texts.Count, Dimension);
        for (var i = 0; i < texts.Count; i++)
        {
            if (Poison is not null && texts[i] == Poison)
            {
                throw new InvalidOperationException($"poison text at index {i}");
            }

            Embed(texts[i], result.Row(i));
        }

        Interlocked.Add(ref _texts, texts.Count);
        return result;
    }

    /// <summary>The embedding this double gives <paramref name="text"/>.</summary>
    public static void Embed(string text, Span<float> row)
    {
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        double norm = 0;
        for (var j = 0; j < row.Length; j++)
        {
            var b = seed[j % seed.Length] ^ (j / seed.Length * 31);
            row[j] = (b - 127.5f) / 127.5f;
            norm += row[j] * row[j];
        }

        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
        for (var j = 0; j < row.Length; j++)
        {
            row[j] *= scale;
        }
    }
}
