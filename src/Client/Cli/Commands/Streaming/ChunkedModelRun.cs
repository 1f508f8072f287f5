using Similarity.Inference.Tensors;

namespace Similarity.Cli.Commands.Streaming;

/// <summary>
/// Streams an input through a batched model a chunk at a time: reads a chunk, submits it, and writes finished chunks in
/// input order, with at most two chunks in flight, so the model always has the next chunk queued while memory and the
/// batcher's queue stay bounded.
/// </summary>
internal static class ChunkedModelRun
{
    /// <summary>Texts per chunk: large enough for the batcher to sort by length, small enough to keep memory low.</summary>
    public const int ChunkSize = 4096;

    private const int ChunksInFlight = 2;

    /// <summary>Runs every line of <paramref name="input"/> (made into an item by <paramref name="parse"/>); returns the row count.</summary>
    public static async Task<long> RunAsync<T>(
        LineChunkReader input,
        Func<string, int, T> parse,
        Func<IReadOnlyList<T>, CancellationToken, Task<EmbeddingMatrix>> model,
        IRowWriter output,
        Action<long, long>? progress,
        CancellationToken cancellationToken)
    {
        var pending = new Queue<(Task<EmbeddingMatrix> Rows, long Position)>();
        long written = 0;
        while (true)
        {
            var chunk = new List<T>(ChunkSize);
            if (!input.TryReadChunk(chunk, ChunkSize, parse))
            {
                break;
            }

            pending.Enqueue((model(chunk, cancellationToken), input.Position));
            if (pending.Count >= ChunksInFlight)
            {
                written += await WriteNextAsync(pending, output, progress, written, cancellationToken);
            }
        }

        while (pending.Count > 0)
        {
            written += await WriteNextAsync(pending, output, progress, written, cancellationToken);
        }

        await output.CompleteAsync(cancellationToken);
        return written;
    }

    private static async Task<long> WriteNextAsync(
        Queue<(Task<EmbeddingMatrix> Rows, long Position)> pending,
        IRowWriter output,
        Action<long, long>? progress,
        long writtenBefore,
        CancellationToken cancellationToken)
    {
        var (task, position) = pending.Dequeue();
        var rows = await task;
        await output.WriteAsync(rows, cancellationToken);
        progress?.Invoke(writtenBefore + rows.Rows, position);
        return rows.Rows;
    }
}
