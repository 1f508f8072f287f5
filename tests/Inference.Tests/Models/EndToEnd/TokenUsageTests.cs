using Similarity.Inference.Models;
using Similarity.Inference.Models.Loading;
using Similarity.TestSupport;

namespace Similarity.Inference.Tests.Models.EndToEnd;

/// <summary>The batched models count the tokens they read per call (OpenAI's usage) and the time the model ran.</summary>
public class TokenUsageTests
{
    [Theory]
    [MemberData(nameof(BatchingConfigurations.Names), MemberType = typeof(BatchingConfigurations))]
    public async Task A_calls_token_count_is_the_sum_of_its_texts_token_lengths_in_any_batching(string configuration)
    {
        var reference = ModelReference.Load("bert-mean");
        using var loaded = ModelLoader.Open(reference.Folder, BatchingConfigurations.Get(configuration));

        var embeddings = await loaded.Encoder.EncodeAsync(reference.Sentences);

        Assert.Equal(reference.Sentences.Sum(s => (long)loaded.Tokenizer.Encode(s).Length), embeddings.TokenCount);
        Assert.Equal(embeddings.TokenCount, loaded.Statistics.Tokens);
    }

    [Fact]
    public async Task A_pair_calls_token_count_counts_both_texts_and_the_special_tokens()
    {
        using var loaded = ModelLoader.Open(ModelReference.Load("albert-cross-encoder").Folder);
        TextPair[] pairs = [new("A man is eating food.", "A man eats."), new("", "")];

        var scores = await loaded.Classifier.PredictAsync(pairs);

        Assert.Equal(pairs.Sum(p => (long)loaded.Tokenizer.EncodePair(p.First, p.Second).Length), scores.TokenCount);
    }

    [Fact]
    public async Task Concurrent_callers_each_get_their_own_token_count()
    {
        using var loaded = ModelLoader.Open(ModelReference.Load("bert-mean").Folder, BatchingConfigurations.Get("two workers"));
        var calls = Enumerable.Range(1, 12).Select(n => Enumerable.Repeat("word ", n).Select((w, i) => string.Concat(Enumerable.Repeat(w, i + 1))).ToArray()).ToArray();

        var results = await Task.WhenAll(calls.Select(texts => loaded.Encoder.EncodeAsync(texts)));

        for (var c = 0; c < calls.Length; c++)
        {
            Assert.Equal(calls[c].Sum(t => (long)loaded.Tokenizer.Encode(t).Length), results[c].TokenCount);
        }
    }

    [Fact]
    public async Task The_time_the_model_ran_is_counted()
    {
        using var loaded = ModelLoader.Open(ModelReference.Load("bert-mean").Folder);
        var before = loaded.Statistics.InferenceTime;

        await loaded.Encoder.EncodeAsync(["one", "two three"]);

        Assert.Equal(TimeSpan.Zero, before);
        Assert.True(loaded.Statistics.InferenceTime > TimeSpan.Zero);
    }
}
