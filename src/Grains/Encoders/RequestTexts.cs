using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Contracts.Values;
using Similarity.Inference.Models;

namespace Similarity.Grains.Encoders;

/// <summary>Checks the texts of a request as they arrive: the wire may carry a null where the model needs a string.</summary>
internal static class RequestTexts
{
    public static void Check(string[]? texts)
    {
        if (texts is null)
        {
            throw new InvalidRequestException("the request has no texts (null)", "input");
        }

        for (var i = 0; i < texts.Length; i++)
        {
            if (texts[i] is null)
            {
                throw new InvalidRequestException($"text {i} is null", "input");
            }
        }
    }

    /// <summary>The pairs as the inference layer takes them.</summary>
    public static TextPair[] Pairs(SentencePair[]? pairs)
    {
        if (pairs is null)
        {
            throw new InvalidRequestException("the request has no pairs (null)", "input");
        }

        var result = new TextPair[pairs.Length];
        for (var i = 0; i < pairs.Length; i++)
        {
            var (first, second) = pairs[i];
            if (first is null || second is null)
            {
                throw new InvalidRequestException($"pair {i} has a null text", "input");
            }

            result[i] = new TextPair(first, second);
        }

        return result;
    }
}
