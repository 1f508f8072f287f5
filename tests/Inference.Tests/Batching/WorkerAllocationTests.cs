using Similarity.Inference.Batching;
using Similarity.Inference.Models;
using Similarity.TestSupport;

namespace Similarity.Inference.Tests.Batching;

public class WorkerAllocationTests
{
    [Fact]
    public async Task A_warm_worker_allocates_nothing_between_the_batches_of_a_window()
    {
        // Texts of different lengths, one per batch: the worker sorts, fills, runs and writes back 12 batches per window.
        var texts = Enumerable.Range(1, 12).Select(i => $"{i}:{(i * 7 % 12) + 1}").ToArray();
        var tokens = texts.ToDictionary(t => t, RecordingModel.Tokenize);
        var model = new AllocationProbe();
        using var encoder = new BatchedSentenceEncoder(model, text => tokens[text], new BatchingOptions { MaxBatchSize = 1, MaxWait = TimeSpan.Zero });
        await encoder.EncodeAsync(texts);

        // The worker thread is not ours to measure around, so retry whole windows as SteadyAllocation does.
        var windows = new List<long[]>();
        do
        {
            model.Restart();
            await encoder.EncodeAsync(texts);
            Assert.Equal(12, model.Runs);
            windows.Add(model.BytesBetweenRuns());
        }
        while (windows[^1].Any(bytes => bytes != 0) && windows.Count < SteadyAllocation.Attempts);

        Assert.Equal(new long[11], windows[^1]);
    }

    /// <summary>A model that allocates nothing itself and notes the worker thread's allocation counter at each run.</summary>
    private sealed class AllocationProbe : ITokenBatchModel
    {
        private readonly long[] _marks = new long[64];

        public int OutputWidth => 1;

        public int MaxSequenceLength => 512;

        public long PadTokenId => 0;

        public int Runs { get; private set; }

        public void Restart() => Runs = 0;

        public void Run(TokenBatch batch, Span<float> output)
        {
            _marks[Runs++] = GC.GetAllocatedBytesForCurrentThread();
            output[..batch.Size].Fill(batch.SequenceLength);
        }

        public long[] BytesBetweenRuns() => [.. Enumerable.Range(1, Runs - 1).Select(i => _marks[i] - _marks[i - 1])];
    }
}
