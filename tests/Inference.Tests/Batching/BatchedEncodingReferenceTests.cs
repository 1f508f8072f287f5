using Similarity.Inference.Batching;
using Similarity.Inference.Models;
using Similarity.Inference.Models.CrossEncoders;
using Similarity.Inference.Models.SentenceTransformers;
using Similarity.Inference.Tests.Models;
using Similarity.TestSupport;

namespace Similarity.Inference.Tests.Batching;

public class BatchedEncodingReferenceTests
{
    [Theory]
    [InlineData("bert-mean")]
    [InlineData("bert-dense-tanh")]
    [InlineData("mpnet-like-normalize")]
    [InlineData("multilingual-mean")]
    public async Task Batched_embeddings_match_pytorch_for_every_text(string model)
    {
        var reference = ModelReference.Load(model);
        using var pipeline = SentenceTransformerPipeline.Load(reference.Folder);
        // A small budget: the long paragraph runs alone, the other 19 texts in 5 batches of at most 4, each padded differently.
        using var encoder = new BatchedSentenceEncoder(pipeline, new ReferenceTokenEncoder(reference), new BatchingOptions { BatchTokens = 96, MaxBatchSize = 4 });

        var embeddings = await encoder.EncodeAsync(reference.Sentences);

        Assert.Equal(pipeline.Dimension, encoder.Dimension);
        Assert.InRange(ReferenceTokens.MaxAbsDifference(embeddings.Data, reference.Rows("sentence_embeddings")), 0, ModelReference.Tolerance);
        Assert.Equal(6, encoder.Statistics.Batches);
    }

    [Fact]
    public async Task Concurrent_callers_with_overlapping_texts_each_get_their_own_rows()
    {
        var reference = ModelReference.Load("bert-dense-tanh");
        var expected = reference.Rows("sentence_embeddings");
        using var pipeline = SentenceTransformerPipeline.Load(reference.Folder);
        using var encoder = new BatchedSentenceEncoder(pipeline, new ReferenceTokenEncoder(reference), new BatchingOptions { BatchTokens = 256, Workers = 2, MaxWait = TimeSpan.FromMilliseconds(5) });

        var callers = Enumerable.Range(0, 6).Select(caller => Task.Run(async () =>
        {
            var order = Enumerable.Range(0, reference.BatchSize).OrderBy(i => (i * (caller + 3)) % 7).Take(5 + (2 * caller)).ToArray();
            var embeddings = await encoder.EncodeAsync(order.Select(i => reference.Sentences[i]).ToArray());
            for (var row = 0; row < order.Length; row++)
            {
                Assert.InRange(ModelReference.MaxAbsDifference(embeddings.Row(row), expected[order[row]]), 0, ModelReference.Tolerance);
            }
        }));

        await Task.WhenAll(callers);
    }

    [Fact]
    public async Task Batched_pair_probabilities_match_pytorch()
    {
        var reference = ModelReference.Load("albert-cross-encoder");
        using var pipeline = CrossEncoderPipeline.Load(reference.Folder);
        using var classifier = new BatchedPairClassifier(pipeline, new ReferenceTokenEncoder(reference), new BatchingOptions { BatchTokens = 512 });

        var probabilities = await classifier.PredictAsync(reference.Pairs.Select(p => new TextPair(p.First, p.Second)).ToArray());

        Assert.Equal(2, classifier.LabelCount);
        Assert.InRange(ReferenceTokens.MaxAbsDifference(probabilities.Data, reference.Rows("softmax")), 0, ModelReference.Tolerance);
    }
}
