using Similarity.Grains.Kernels;
using Similarity.TestSupport;

namespace Similarity.Grains.Tests.Kernels;

/// <summary>Warm span-in/span-out kernel calls allocate nothing: packing buffers come from the pool, scratch from the stack.</summary>
public class KernelAllocationTests
{
    private static readonly KernelOptions OneThread = new() { MaxDegreeOfParallelism = 1 };

    [Theory]
    [InlineData(SimilarityFunction.Cosine)]
    [InlineData(SimilarityFunction.Manhattan)]
    public void All_pairs_span_calls_allocate_nothing_once_warm(SimilarityFunction function)
    {
        var left = SentenceLikeEmbeddings.Create(rows: 50, dimensions: 64, seed: 3);
        var right = SentenceLikeEmbeddings.Create(rows: 70, dimensions: 64, seed: 4);
        var destination = new float[left.Rows * right.Rows];
        void Score() => AllPairsScores.Compute(function, left.Data, right.Data, left.Columns, destination, OneThread);
        Score();

        Assert.Equal(0, SteadyAllocation.Bytes(Score));
    }

    [Fact]
    public void Scoring_bands_against_packed_half_rows_allocates_nothing_once_warm()
    {
        var left = SentenceLikeEmbeddings.Create(rows: 30, dimensions: 48, seed: 5);
        var halves = SentenceLikeEmbeddings.Create(rows: 90, dimensions: 48, seed: 6).Data.ToArray().Select(x => (Half)x).ToArray();
        using var packed = PackedRows.Pack(SimilarityFunction.Cosine, halves, 48, "shard", OneThread);
        var destination = new float[left.Rows * packed.Count];
        void Score() => AllPairsScores.Compute(left.Data, packed, destination, OneThread);
        Score();

        Assert.Equal(0, SteadyAllocation.Bytes(Score));
    }
}
