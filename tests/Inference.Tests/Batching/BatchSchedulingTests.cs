using Similarity.Inference.Batching;
using Similarity.Inference.Tensors;

namespace Similarity.Inference.Tests.Batching;

public class BatchSchedulingTests
{
    /// <summary>Capacity 8 throughout: a request of exactly 8 texts is admitted only once every earlier row was released.</summary>
    private static readonly BatchingOptions Immediate = new() { MaxWait = TimeSpan.Zero, QueueCapacity = 8 };

    private static readonly string[] FullQueue = Enumerable.Range(50, 8).Select(i => $"{i}:2").ToArray();

    private static BatchedSentenceEncoder Encoder(RecordingModel model, BatchingOptions? options = null) =>
        new(model, RecordingModel.Tokenize, options ?? Immediate);

    private static void AssertRows(EmbeddingMatrix result, params string[] texts)
    {
        Assert.Equal(texts.Length, result.Rows);
        for (var row = 0; row < texts.Length; row++)
        {
            var expected = RecordingModel.Tokenize(texts[row]);
            Assert.Equal([expected.Ids[0], expected.Length], result.Row(row).ToArray());
        }
    }

    [Fact]
    public async Task Results_come_back_in_input_order_although_batches_are_sorted_by_length()
    {
        var model = new RecordingModel();
        using var encoder = Encoder(model, Immediate with { BatchTokens = 8, MaxBatchSize = 2 });
        string[] texts = ["1:2", "2:7", "3:1", "4:5", "5:3"];

        var result = await encoder.EncodeAsync(texts);

        AssertRows(result, texts);
        Assert.Equal([[2], [4], [5, 1], [3]], model.Batches);
    }

    [Fact]
    public async Task A_deep_queue_is_sorted_across_the_whole_sort_window()
    {
        // Lengths cycle 1..10: sorted over all 100 texts, every batch of 2 holds equal lengths and needs no padding.
        var texts = Enumerable.Range(0, 100).Select(i => $"{i}:{(i % 10) + 1}").ToArray();
        var model = new RecordingModel();
        using var encoder = Encoder(model, new BatchingOptions { MaxWait = TimeSpan.Zero, MaxBatchSize = 2, SortWindow = 100 });

        AssertRows(await encoder.EncodeAsync(texts), texts);

        Assert.Equal(1.0, encoder.Statistics.PaddingEfficiency);
        Assert.Equal(50, encoder.Statistics.Batches);
    }

    [Fact]
    public async Task A_sort_window_of_one_batch_only_sorts_within_it()
    {
        var texts = Enumerable.Range(0, 100).Select(i => $"{i}:{(i % 10) + 1}").ToArray();
        var model = new RecordingModel();
        using var encoder = Encoder(model, new BatchingOptions { MaxWait = TimeSpan.Zero, MaxBatchSize = 2, SortWindow = 2 });

        AssertRows(await encoder.EncodeAsync(texts), texts);

        // Consecutive texts (lengths 1 and 2, 3 and 4, ...) share a batch: 550 real tokens padded to 600.
        Assert.Equal(550.0 / 600, encoder.Statistics.PaddingEfficiency, 12);
    }

    [Fact]
    public async Task Concurrent_callers_are_merged_into_shared_batches()
    {
        var model = new RecordingModel();
        using var encoder = Encoder(model);
        model.Hold();
        var first = encoder.EncodeAsync(["1:3"]);
        model.WaitUntilRunning();

        var second = encoder.EncodeAsync(["2:3", "3:3"]);
        var third = encoder.EncodeAsync(["4:3"]);
        model.Release();

        AssertRows(await first, "1:3");
        AssertRows(await second, "2:3", "3:3");
        AssertRows(await third, "4:3");
        Assert.Equal([[1], [2, 3, 4]], model.Batches);
        Assert.Equal(2, encoder.Statistics.Batches);
    }

    [Fact]
    public async Task Inference_runs_on_dedicated_worker_threads()
    {
        var model = new RecordingModel();
        using var encoder = Encoder(model, Immediate with { Workers = 2 });

        await encoder.EncodeAsync(["1:2", "2:2"]);

        Assert.All(model.Threads, thread => Assert.Matches("^BatchedSentenceEncoder worker [01]\\|pool=False$", thread));
    }

    [Fact]
    public async Task Cancelling_a_caller_removes_its_work_that_has_not_started()
    {
        var model = new RecordingModel();
        using var encoder = Encoder(model);
        model.Hold();
        var running = encoder.EncodeAsync(["1:2"]);
        model.WaitUntilRunning();
        using var cancellation = new CancellationTokenSource();
        var cancelled = encoder.EncodeAsync(["7:2", "8:2"], cancellation.Token);

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        model.Release();
        AssertRows(await running, "1:2");
        AssertRows(await encoder.EncodeAsync(["3:2"]), "3:2");

        Assert.DoesNotContain(model.Batches, batch => batch.Contains(7) || batch.Contains(8));
        Assert.Equal(1, encoder.Statistics.Cancelled);
        AssertRows(await encoder.EncodeAsync(FullQueue), FullQueue);
    }

    [Fact]
    public async Task An_already_cancelled_token_never_queues_work()
    {
        var model = new RecordingModel();
        using var encoder = Encoder(model);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => encoder.EncodeAsync(["1:1"], new CancellationToken(canceled: true)));

        Assert.Empty(model.Batches);
    }

    [Fact]
    public async Task Callers_past_the_queue_capacity_are_refused_at_once_and_admitted_again_when_it_drains()
    {
        var model = new RecordingModel();
        using var encoder = Encoder(model, Immediate with { QueueCapacity = 4 });
        model.Hold();
        var running = encoder.EncodeAsync(["1:2", "2:2"]);
        model.WaitUntilRunning();

        var refused = encoder.EncodeAsync(["3:2", "4:2", "5:2"]);

        Assert.True(refused.IsFaulted);
        var error = await Assert.ThrowsAsync<EncoderOverloadedException>(() => refused);
        Assert.Equal((3, 2, 4), (error.Requested, error.Queued, error.Capacity));
        model.Release();
        await running;
        AssertRows(await encoder.EncodeAsync(["3:2", "4:2", "5:2"]), "3:2", "4:2", "5:2");
        Assert.Equal(1, encoder.Statistics.Rejected);
    }

    [Fact]
    public async Task A_request_larger_than_the_capacity_is_refused_with_advice()
    {
        using var encoder = Encoder(new RecordingModel(), Immediate with { QueueCapacity = 2 });

        var error = await Assert.ThrowsAsync<EncoderOverloadedException>(() => encoder.EncodeAsync(["1:1", "2:1", "3:1"]));

        Assert.Contains("exceeds the encoder's queue capacity of 2", error.Message);
    }

    [Fact]
    public async Task A_model_failure_fails_only_the_callers_in_that_batch()
    {
        var model = new RecordingModel { FailOnId = 13 };
        using var encoder = Encoder(model, Immediate with { BatchTokens = 4, MaxBatchSize = 1 });
        model.Hold();
        var blocker = encoder.EncodeAsync(["1:1"]);
        model.WaitUntilRunning();
        var failing = encoder.EncodeAsync(["13:2", "14:2"]);
        var healthy = encoder.EncodeAsync(["15:3"]);
        model.Release();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Contains("model failure on id 13", error.Message);
        AssertRows(await healthy, "15:3");
        AssertRows(await blocker, "1:1");
        AssertRows(await encoder.EncodeAsync(["16:1"]), "16:1");
        AssertRows(await encoder.EncodeAsync(FullQueue), FullQueue);
    }

    [Fact]
    public async Task A_tokenizer_failure_fails_only_its_caller()
    {
        var model = new RecordingModel();
        using var encoder = Encoder(model);

        var bad = encoder.EncodeAsync(["1:2", "not a text the tokenizer accepts"]);
        var good = encoder.EncodeAsync(["2:2"]);

        await Assert.ThrowsAsync<FormatException>(() => bad);
        AssertRows(await good, "2:2");
        AssertRows(await encoder.EncodeAsync(FullQueue), FullQueue);
    }

    [Fact]
    public async Task Token_sequences_longer_than_the_model_accepts_fail_with_a_clear_message()
    {
        using var encoder = Encoder(new RecordingModel { MaxSequenceLength = 4 });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => encoder.EncodeAsync(["1:2", "2:9"]));

        Assert.Contains("Input 1 has 9 tokens but the model takes at most 4", error.Message);
    }

    [Fact]
    public async Task Empty_input_gives_an_empty_matrix_of_the_right_width()
    {
        using var encoder = Encoder(new RecordingModel());

        var result = await encoder.EncodeAsync([]);

        Assert.Equal((0, 2), (result.Rows, result.Columns));
    }

    [Fact]
    public async Task Disposing_fails_queued_requests_and_refuses_new_ones()
    {
        var model = new RecordingModel();
        var encoder = Encoder(model);
        model.Hold();
        var running = encoder.EncodeAsync(["1:1"]);
        model.WaitUntilRunning();
        var queued = encoder.EncodeAsync(["2:1"]);

        var disposing = Task.Run(encoder.Dispose);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => queued);
        model.Release();
        await disposing;

        AssertRows(await running, "1:1");
        await Assert.ThrowsAsync<ObjectDisposedException>(() => encoder.EncodeAsync(["3:1"]));
    }

    [Fact]
    public async Task Many_concurrent_callers_each_get_exactly_their_own_rows()
    {
        var model = new RecordingModel();
        using var encoder = Encoder(model, new BatchingOptions { Workers = 2, MaxWait = TimeSpan.FromMilliseconds(1), BatchTokens = 256, MaxBatchSize = 16 });
        var callers = Enumerable.Range(0, 12).Select(caller => Task.Run(async () =>
        {
            var random = new Random(caller);
            for (var request = 0; request < 15; request++)
            {
                var texts = Enumerable.Range(0, random.Next(1, 30))
                    .Select(i => $"{(caller * 100000) + (request * 100) + i}:{random.Next(1, 40)}").ToArray();
                AssertRows(await encoder.EncodeAsync(texts), texts);
            }
        })).ToArray();

        await Task.WhenAll(callers);

        var statistics = encoder.Statistics;
        Assert.Equal(12 * 15, statistics.Requests);
        Assert.True(statistics.Batches < statistics.Texts, "batches should hold several texts");
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Encoder(new RecordingModel(), new BatchingOptions { Workers = 0 }));

        Assert.Contains("Workers", error.Message);
    }
}
