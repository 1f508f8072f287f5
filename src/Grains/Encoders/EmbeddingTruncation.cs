using Similarity.Grains.Contracts.Errors;
using Similarity.Inference.Models.Normalize;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Encoders;

/// <summary>
/// Shortens embeddings to their first N dimensions (Matryoshka-style), the way OpenAI's <c>dimensions</c> parameter
/// does: keep the leading values, then scale each row back to unit length with the Normalize module's own rule. Renormalising leaves cosine similarities
/// of the shortened vectors unchanged and makes dot product equal cosine again. The token count carries over: the
/// model read the same tokens.
/// </summary>
public static class EmbeddingTruncation
{
    public static EmbeddingMatrix TruncateAndNormalize(EmbeddingMatrix embeddings, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        if (dimensions <= 0 || (embeddings.Rows > 0 && dimensions > embeddings.Columns))
        {
            throw new InvalidRequestException(
                $"dimensions must be between 1 and the model's embedding size {embeddings.Columns}; got {dimensions}", "dimensions");
        }

        var result = new EmbeddingMatrix(embeddings.Rows, dimensions) { TokenCount = embeddings.TokenCount };
        for (var i = 0; i < embeddings.Rows; i++)
        {
            embeddings.Row(i)[..dimensions].CopyTo(result.Row(i));
        }

        L2Normalization.Apply(result.Data, result.Rows, dimensions);
        return result;
    }
}
