using System.Collections.Concurrent;
using Similarity.Inference.Batching;
using Similarity.Inference.Models;

namespace Similarity.Inference.Tests.Batching;

/// <summary>
/// A stand-in model for scheduling tests: a text "id:length" tokenises to <c>length</c> copies of <c>id</c>, and each
/// row's output is [id, real token count], so every result row tells which text produced it. Records every batch and can
/// hold the worker inside a run until released.
/// </summary>
internal sealed class RecordingModel : ITokenBatchModel
{
    private readonly ManualResetEventSlim _released = new(initialState: true);
    private readonly SemaphoreSlim _entered = new(0);

    public int OutputWidth => 2;

    public int MaxSequenceLength { get; init; } = 512;

    public long PadTokenId => 0;

    /// <summary>Ids in each batch, in row order.</summary>
    public ConcurrentQueue<int[]> Batches { get; } = new();

    public ConcurrentQueue<string> Threads { get; } = new();

    /// <summary>Runs whose batch contains this id throw.</summary>
    public int FailOnId { get; init; } = -1;

    public static EncodedText Tokenize(string text)
    {
        var parts = text.Split(':');
        var id = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        var length = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        return new EncodedText(Enumerable.Repeat(id, length).ToArray(), new int[length]);
    }

    /// <summary>From now on, each run waits (after signalling <see cref="WaitUntilRunning"/>) until <see cref="Release"/>.</summary>
    public void Hold() => _released.Reset();

    public void Release() => _released.Set();

    public void WaitUntilRunning() => Assert.True(_entered.Wait(TimeSpan.FromSeconds(30)), "the worker never started a batch");

    public void Run(TokenBatch batch, Span<float> output)
    {
        var ids = new int[batch.Size];
        for (var row = 0; row < batch.Size; row++)
        {
            ids[row] = (int)batch.InputIds[row * batch.SequenceLength];
            output[row * 2] = ids[row];
            var length = 0;
            for (var t = 0; t < batch.SequenceLength; t++)
            {
                length += (int)batch.AttentionMask[(row * batch.SequenceLength) + t];
            }

            output[(row * 2) + 1] = length;
        }

        Batches.Enqueue(ids);
        Threads.Enqueue($"{Thread.CurrentThread.Name}|pool={Thread.CurrentThread.IsThreadPoolThread}");
        _entered.Release();
        Assert.True(_released.Wait(TimeSpan.FromSeconds(30)), "the test never released the model");
        if (Array.IndexOf(ids, FailOnId) >= 0)
        {
            throw new InvalidOperationException($"model failure on id {FailOnId}");
        }
    }
}
