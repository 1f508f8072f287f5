using System.Numerics.Tensors;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Encoders;
using Similarity.Inference.Tensors;

namespace Similarity.Silo.Tests.Grains;

public class EmbeddingTruncationTests
{
    [Fact]
    public void Truncated_rows_keep_their_leading_values_scaled_to_unit_length()
    {
        var embeddings = new EmbeddingMatrix(2, 4, [3, 4, 100, 100, 0, -2, 7, 7]);

        var truncated = EmbeddingTruncation.TruncateAndNormalize(embeddings, 2);

        Assert.Equal([0.6f, 0.8f], truncated.Row(0).ToArray());
        Assert.Equal([0f, -1f], truncated.Row(1).ToArray());
    }

    [Fact]
    public void Cosine_similarity_of_the_shortened_vectors_is_unchanged_by_renormalising()
    {
        var embeddings = new EmbeddingMatrix(2, 3, [1, 2, 9, 2, 1, -9]);

        var truncated = EmbeddingTruncation.TruncateAndNormalize(embeddings, 2);

        var expected = TensorPrimitives.CosineSimilarity(embeddings.Row(0)[..2], embeddings.Row(1)[..2]);
        Assert.Equal(expected, TensorPrimitives.Dot(truncated.Row(0), truncated.Row(1)), 1e-6f);
    }

    [Fact]
    public void The_token_count_of_the_full_embeddings_carries_over()
    {
        var embeddings = new EmbeddingMatrix(1, 3, [1, 2, 3]) { TokenCount = 7 };

        Assert.Equal(7, EmbeddingTruncation.TruncateAndNormalize(embeddings, 2).TokenCount);
    }

    [Fact]
    public void A_zero_row_stays_zero()
    {
        var truncated = EmbeddingTruncation.TruncateAndNormalize(new EmbeddingMatrix(1, 3, [0, 0, 5]), 2);

        Assert.Equal([0f, 0f], truncated.Row(0).ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Dimensions_outside_one_to_the_embedding_size_are_refused(int dimensions)
    {
        var error = Assert.Throws<InvalidRequestException>(() => EmbeddingTruncation.TruncateAndNormalize(new EmbeddingMatrix(1, 4), dimensions));

        Assert.Equal("dimensions", error.Parameter);
    }
}
