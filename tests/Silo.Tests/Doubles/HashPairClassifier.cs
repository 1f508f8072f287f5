using System.Security.Cryptography;
using System.Text;
using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Silo.Tests.Doubles;

/// <summary>A TEST DOUBLE, not a model: two-label probabilities from a softmax of hash-derived logits of each pair.</summary>
public sealed class HashPairClassifier : IPairClassifier
{
    public int LabelCount => 2;

    public Task<EmbeddingMatrix> PredictAsync(IReadOnlyList<TextPair> pairs, CancellationToken cancellationToken = default)
    {
        var result = new EmbeddingMatrix(pairs.Count, LabelCount);
        for (var i = 0; i < pairs.Count; i++)
        {
            Score(pairs[i], result.Row(i));
        }

        return Task.FromResult(result);
    }

    public static void Score(TextPair pair, Span<float> row)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(pair.First + "\u0000" + pair.Second));
        var a = (hash[0] - 127.5) / 32;
        var b = (hash[1] - 127.5) / 32;
        var max = Math.Max(a, b);
        var ea = Math.Exp(a - max);
        var eb = Math.Exp(b - max);
        row[0] = (float)(ea / (ea + eb));
        row[1] = (float)(eb / (ea + eb));
    }
}
