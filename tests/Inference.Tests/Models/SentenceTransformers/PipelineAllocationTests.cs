using Similarity.Inference.Models.CrossEncoders;
using Similarity.Inference.Models.SentenceTransformers;

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
        var batch = ReferenceTokens.Batch(reference);
        var output = new float[batch.Size * pipeline.Dimension];
        pipeline.Run(batch, output);
        pipeline.Run(batch, output);

        var before = GC.GetAllocatedBytesForCurrentThread();
        pipeline.Run(batch, output);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void A_warm_cross_encoder_allocates_no_managed_memory_per_batch()
    {
        var reference = ModelReference.Load("albert-cross-encoder");
        using var pipeline = CrossEncoderPipeline.Load(reference.Folder);
        var batch = ReferenceTokens.Batch(reference);
        var output = new float[batch.Size * pipeline.LabelCount];
        pipeline.Run(batch, output);
        pipeline.Run(batch, output);

        var before = GC.GetAllocatedBytesForCurrentThread();
        pipeline.Run(batch, output);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }
}
