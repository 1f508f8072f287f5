using Similarity.Inference.Models;
using Similarity.Inference.Models.CrossEncoders;
using Similarity.Inference.Models.SentenceTransformers;
using Similarity.TestSupport;

namespace Similarity.Inference.Tests.Models.SentenceTransformers;

public class PipelineAllocationTests
{
    [Theory]
    [InlineData("bert-dense-tanh")]
    [InlineData("mpnet-like-normalize")]
    public void A_warm_pipeline_allocates_no_managed_memory_per_batch(string model)
    {
        var reference = ModelReference.Load(model);
        using var pipeline = SentenceTransformerPipeline.Load(reference.Folder);

        Assert.Equal(0, BytesAllocatedByAWarmRun(pipeline, ReferenceTokens.Batch(reference)));
    }

    [Fact]
    public void A_warm_cross_encoder_allocates_no_managed_memory_per_batch()
    {
        var reference = ModelReference.Load("albert-cross-encoder");
        using var pipeline = CrossEncoderPipeline.Load(reference.Folder);

        Assert.Equal(0, BytesAllocatedByAWarmRun(pipeline, ReferenceTokens.Batch(reference)));
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
