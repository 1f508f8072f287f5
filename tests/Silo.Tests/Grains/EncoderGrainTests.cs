using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Encoders;
using Similarity.Inference.Batching;
using Similarity.Inference.Models;
using Similarity.Inference.Tensors;
using Similarity.Silo.Tests.Doubles;

namespace Similarity.Silo.Tests.Grains;

/// <summary>What every worker grain checks around a call to its model (<see cref="ModelRequestGuard"/>), without a cluster.</summary>
public class EncoderGrainTests
{
    private static readonly ModelKey Mini = new("mini", DeviceClass.Cpu);

    private static ModelRequestGuard Guard(int maxItems = 2048) =>
        new(new EncodingLimits { MaxItemsPerRequest = maxItems }, new WorkerMetrics(new TestMeterFactory()), "encode", "texts", "embeddings");

    private static Task<EmbeddingMatrix> EncodeAsync(ModelRequestGuard guard, ISentenceEncoder encoder, string[] texts) =>
        guard.RunAsync(Mini, texts, encoder.Dimension, encoder.EncodeAsync, CancellationToken.None);

    [Fact]
    public async Task More_texts_than_a_request_may_hold_are_refused_naming_the_model()
    {
        var error = await Assert.ThrowsAsync<RequestTooLargeException>(() => EncodeAsync(Guard(maxItems: 3), new HashSentenceEncoder(), ["a", "b", "c", "d"]));

        Assert.Contains("model 'mini' has 4 texts; at most 3", error.Message);
    }

    [Fact]
    public async Task An_empty_request_is_answered_without_calling_the_model()
    {
        var encoder = new HashSentenceEncoder(5);

        var result = await EncodeAsync(Guard(), encoder, []);

        Assert.Equal((0, 5, 0L), (result.Rows, result.Columns, encoder.Calls));
    }

    [Fact]
    public async Task A_model_returning_the_wrong_number_of_rows_is_a_fault_not_a_result()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EncodeAsync(Guard(), new ShortEncoder(), ["a", "b"]));

        Assert.Contains("model 'mini' returned 1 embeddings for 2 texts", error.Message);
    }

    [Fact]
    public async Task A_full_batcher_queue_is_an_overloaded_error_naming_the_model()
    {
        var error = await Assert.ThrowsAsync<OverloadedException>(() => EncodeAsync(Guard(), new FullQueueEncoder(), ["a", "b"]));

        Assert.Equal("model 'mini' is overloaded: 100 items are queued in its batcher and 2 more would exceed 100; retry later", error.Message);
    }

    [Fact]
    public async Task A_request_larger_than_the_batcher_queue_is_too_large_rather_than_overloaded()
    {
        var refusing = new RefusingEncoder(new EncoderOverloadedException(requested: 3, queued: 0, capacity: 2));

        var error = await Assert.ThrowsAsync<RequestTooLargeException>(() => EncodeAsync(Guard(), refusing, ["a", "b", "c"]));

        Assert.Contains("model 'mini' has 3 items; its batcher holds at most 2", error.Message);
    }

    [Fact]
    public async Task Each_request_is_counted_by_outcome()
    {
        var meters = new TestMeterFactory();
        var guard = new ModelRequestGuard(EncodingLimits.Default, new WorkerMetrics(meters), "encode", "texts", "embeddings");
        using var requests = new MeasurementRecorder<long>(meters, WorkerMetrics.MeterName, "similarity.worker.requests");

        await guard.RunAsync(Mini, ["a", "b"], 16, new HashSentenceEncoder().EncodeAsync, CancellationToken.None);
        await Assert.ThrowsAsync<OverloadedException>(() => guard.RunAsync(Mini, ["a"], 8, new FullQueueEncoder().EncodeAsync, CancellationToken.None));

        var outcomes = requests.Measurements.Select(m => (m.Value, (string)m.Tags["outcome"]!, (string)m.Tags["model"]!)).ToArray();
        Assert.Equal([(1L, "ok", "mini"), (1L, "rejected", "mini")], outcomes);
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
