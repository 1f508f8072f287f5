using Similarity.Inference.Models;
using Similarity.Inference.Models.CrossEncoders;
using Similarity.Inference.Models.SentenceTransformers;
using Similarity.TestSupport;

namespace Similarity.Inference.Tests.Models.SentenceTransformers;

/// <summary>
/// Tensor data never passes through managed memory: inputs are wrapped where the batch holds them and outputs are read
/// where ONNX Runtime wrote them. What a warm run allocates is the official package's per-call bookkeeping (OrtValue
/// wrappers, the result list): a few hundred bytes whatever the batch's size.
/// </summary>
public class PipelineAllocationTests
{
    /// <summary>Well above the package's per-run bookkeeping, below what copying the larger batch's ids alone would take.</summary>
    private const long BookkeepingBytes = 2048;

    [Theory]
    [InlineData("bert-dense-tanh")]
    [InlineData("mpnet-like-normalize")]
    public void A_warm_pipeline_allocates_the_same_few_bytes_for_a_small_and_a_large_batch(string model)
    {
        var reference = ModelReference.Load(model);
        using var pipeline = SentenceTransformerPipeline.Load(reference.Folder);

        AssertSizeIndependent(pipeline, reference);
    }

    [Fact]
    public void A_warm_cross_encoder_allocates_the_same_few_bytes_for_a_small_and_a_large_batch()
    {
        var reference = ModelReference.Load("albert-cross-encoder");
        using var pipeline = CrossEncoderPipeline.Load(reference.Folder);

        AssertSizeIndependent(pipeline, reference);
    }

    private static void AssertSizeIndependent(ITokenBatchModel model, ModelReference reference)
    {
        var large = ReferenceTokens.Batch(reference);
        var small = ReferenceTokens.Batch(reference, rows: 2);

        var largeBytes = BytesAllocatedByAWarmRun(model, large);
        var smallBytes = BytesAllocatedByAWarmRun(model, small);

        Assert.InRange(largeBytes, 0, BookkeepingBytes);
        Assert.Equal(smallBytes, largeBytes);
        Assert.True((large.InputIds.Length - small.InputIds.Length) * sizeof(long) > BookkeepingBytes, "copying the larger batch's ids alone would break the bound");
    }

    /// <summary>Managed bytes a run of <paramref name="batch"/> allocates, after two runs have warmed every buffer.</summary>
    private static long BytesAllocatedByAWarmRun(ITokenBatchModel model, TokenBatch batch)
    {
        var output = new float[batch.Size * model.OutputWidth];
        model.Run(batch, output);
        model.Run(batch, output);

        return SteadyAllocation.Bytes(() => model.Run(batch, output));
    }
}
