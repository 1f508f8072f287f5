using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Encoders;
using Similarity.Inference.Batching;
using Similarity.Inference.Models;
using Similarity.Inference.Tensors;
using Similarity.Silo.Tests.Doubles;

namespace Similarity.Silo.Tests.Grains;

public class EncoderGrainTests
{
    [Fact]
    public async Task More_texts_than_a_request_may_hold_are_refused_naming_the_model()
    {
        var grain = new EncoderGrain("mini", new HashSentenceEncoder(), new EncodingLimits { MaxItemsPerRequest = 3 });

        var error = await Assert.ThrowsAsync<RequestTooLargeException>(() => grain.EncodeAsync(["a", "b", "c", "d"]));

        Assert.Contains("model 'mini' has 4 texts; at most 3", error.Message);
    }

    [Fact]
    public async Task An_empty_request_is_answered_without_calling_the_model()
    {
        var encoder = new HashSentenceEncoder(5);
        var grain = new EncoderGrain("mini", encoder);

        var result = await grain.EncodeAsync([]);

        Assert.Equal((0, 5, 0L), (result.Rows, result.Columns, encoder.Calls));
    }

    [Fact]
    public async Task A_model_returning_the_wrong_number_of_rows_is_a_fault_not_a_result()
    {
        var grain = new EncoderGrain("broken", new ShortEncoder());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.EncodeAsync(["a", "b"]));

        Assert.Contains("model 'broken' returned 1 embeddings for 2 texts", error.Message);
    }

    [Fact]
    public void A_grain_name_must_be_a_valid_model_name()
    {
        Assert.Throws<ArgumentException>(() => new EncoderGrain("has space", new HashSentenceEncoder()));
    }

    [Fact]
    public async Task Cross_encoder_requests_over_the_limit_are_refused()
    {
        var grain = new CrossEncoderGrain("cross", new HashPairClassifier(), new EncodingLimits { MaxItemsPerRequest = 1 });

        await Assert.ThrowsAsync<RequestTooLargeException>(() => grain.PredictAsync([new("a", "b"), new("c", "d")]));
    }

    [Fact]
    public async Task A_full_batcher_queue_is_an_overloaded_error_naming_the_model()
    {
        var grain = new EncoderGrain("mini", new FullQueueEncoder());

        var error = await Assert.ThrowsAsync<OverloadedException>(() => grain.EncodeAsync(["a", "b"]));

        Assert.Equal("model 'mini' is overloaded: 100 items are queued in its batcher and 2 more would exceed 100; retry later", error.Message);
    }

    [Fact]
    public async Task A_request_larger_than_the_batcher_queue_is_too_large_rather_than_overloaded()
    {
        var grain = new EncoderGrain("mini", new RefusingEncoder(new EncoderOverloadedException(requested: 3, queued: 0, capacity: 2)));

        var error = await Assert.ThrowsAsync<RequestTooLargeException>(() => grain.EncodeAsync(["a", "b", "c"]));

        Assert.Contains("model 'mini' has 3 items; its batcher holds at most 2", error.Message);
    }

    private sealed class RefusingEncoder(Exception refusal) : ISentenceEncoder
    {
        public int Dimension => 2;

        public Task<EmbeddingMatrix> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            Task.FromException<EmbeddingMatrix>(refusal);
    }

    private sealed class ShortEncoder : ISentenceEncoder
    {
        public int Dimension => 2;

        public Task<EmbeddingMatrix> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            Task.FromResult(new EmbeddingMatrix(1, 2));
    }
}
