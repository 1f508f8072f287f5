using Similarity.Grains.Kernels;

namespace Similarity.Grains.Tests.Kernels;

public class PreciseScoresTests
{
    [Fact]
    public void Cosine_of_a_zero_vector_is_zero()
    {
        Assert.Equal(0, PreciseScores.Cosine([0f, 0f], [1f, 2f]));
    }
}
