using Similarity.Inference.Models;
using Similarity.Inference.Models.Folders;
using Similarity.Inference.Models.Loading;
using Similarity.TestSupport;

namespace Similarity.Inference.Tests.Models.EndToEnd;

/// <summary>Raw text → tokenizer → batcher → pipeline, against the PyTorch references of every fixture model.</summary>
public class TextToEmbeddingTests
{
    public static TheoryData<string, string> BiEncoderCases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var model in new[] { "bert-mean", "bert-dense-tanh", "mpnet-like-normalize", "multilingual-mean" })
        {
            foreach (var configuration in BatchingConfigurations.Names)
            {
                cases.Add(model, configuration);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(BiEncoderCases))]
    public async Task Sentence_embeddings_from_text_match_pytorch_in_any_batching(string model, string configuration)
    {
        var reference = ModelReference.Load(model);
        using var loaded = ModelLoader.Open(reference.Folder, BatchingConfigurations.Get(configuration));

        var embeddings = await loaded.Encoder.EncodeAsync(reference.Sentences);

        Assert.Equal(ModelFolderKind.SentenceTransformer, loaded.Kind);
        Assert.InRange(ReferenceTokens.MaxAbsDifference(embeddings.Data, reference.Rows("sentence_embeddings")), 0, ModelReference.Tolerance);
    }

    [Theory]
    [MemberData(nameof(BatchingConfigurations.Names), MemberType = typeof(BatchingConfigurations))]
    public async Task Pair_probabilities_from_text_match_pytorch_in_any_batching(string configuration)
    {
        var reference = ModelReference.Load("albert-cross-encoder");
        using var loaded = ModelLoader.Open(reference.Folder, BatchingConfigurations.Get(configuration));

        var probabilities = await loaded.Classifier.PredictAsync(reference.Pairs.Select(p => new TextPair(p.First, p.Second)).ToArray());

        Assert.Equal(ModelFolderKind.CrossEncoder, loaded.Kind);
        Assert.InRange(ReferenceTokens.MaxAbsDifference(probabilities.Data, reference.Rows("softmax")), 0, ModelReference.Tolerance);
    }

    [Fact]
    public async Task The_small_budget_really_cuts_the_inputs_into_many_batches()
    {
        var reference = ModelReference.Load("bert-mean");
        using var loaded = ModelLoader.Open(reference.Folder, BatchingConfigurations.Get("tiny budget"));

        await loaded.Encoder.EncodeAsync(reference.Sentences);

        // Lengths 256 | 22 21 | 20 14 | 13 12 12 | 11 11 8 | 8 8 8 | 7 7 7 | 6 3 2: the 48-token budget cuts the pairs
        // (3 x 22 > 48), the size cap of 3 the rest; the cap alone would give 7 batches.
        Assert.Equal(8, loaded.Statistics.Batches);
        Assert.Equal(reference.Lengths.Sum(), loaded.Statistics.Tokens);
    }

    [Fact]
    public async Task Concurrent_callers_sending_overlapping_texts_each_get_the_reference_rows()
    {
        var reference = ModelReference.Load("mpnet-like-normalize");
        var expected = reference.Rows("sentence_embeddings");
        using var loaded = ModelLoader.Open(reference.Folder, BatchingConfigurations.Get("two workers") with { MaxWait = TimeSpan.FromMilliseconds(5) });

        var callers = Enumerable.Range(0, 8).Select(caller => Task.Run(async () =>
        {
            var order = Enumerable.Range(0, reference.BatchSize).Where(i => (i + caller) % 3 != 0).Reverse().ToArray();
            var embeddings = await loaded.Encoder.EncodeAsync(order.Select(i => reference.Sentences[i]).ToArray());
            for (var row = 0; row < order.Length; row++)
            {
                Assert.InRange(ModelReference.MaxAbsDifference(embeddings.Row(row), expected[order[row]]), 0, ModelReference.Tolerance);
            }
        }));

        await Task.WhenAll(callers);
        Assert.Equal(8, loaded.Statistics.Requests);
    }

    [Fact]
    public async Task Concurrent_pair_callers_each_get_the_reference_probabilities()
    {
        var reference = ModelReference.Load("albert-cross-encoder");
        var expected = reference.Rows("softmax");
        using var loaded = ModelLoader.Open(reference.Folder, BatchingConfigurations.Get("two workers"));

        var callers = Enumerable.Range(0, 5).Select(caller => Task.Run(async () =>
        {
            var order = Enumerable.Range(0, reference.BatchSize).Skip(caller * 3).Concat(Enumerable.Range(0, caller * 3)).ToArray();
            var probabilities = await loaded.Classifier.PredictAsync(order.Select(i => new TextPair(reference.Pairs[i].First, reference.Pairs[i].Second)).ToArray());
            for (var row = 0; row < order.Length; row++)
            {
                Assert.InRange(ModelReference.MaxAbsDifference(probabilities.Row(row), expected[order[row]]), 0, ModelReference.Tolerance);
            }
        }));

        await Task.WhenAll(callers);
    }
}
