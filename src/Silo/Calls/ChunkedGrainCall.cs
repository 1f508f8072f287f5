using System.Buffers;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Errors;
using Similarity.Inference.Tensors;
using Similarity.Silo.Fabric;
using Similarity.Silo.Fabric.Codec;

namespace Similarity.Silo.Calls;

/// <summary>
/// A caller's side of one grain call over the fabric: cuts the items into requests (see <see cref="ChunkPlan"/>), sends
/// them concurrently (bounded) to whichever silos serve the key, and reads each reply into its rows of the result (see
/// <see cref="MatrixAssembly"/>). <paramref name="itemName"/> ("text") names an item too large to send;
/// <paramref name="write"/> encodes a run of items as one request.
/// </summary>
internal sealed class ChunkedGrainCall<TItem>(
    IGrainFabric fabric,
    WorkerKey key,
    GrainCallOptions options,
    string itemName,
    Func<TItem, long> sizeOf,
    Action<IBufferWriter<byte>, IReadOnlyList<TItem>, int, int> write)
{
    private readonly CallOptions _callOptions = options.ToCallOptions();

    public async Task<EmbeddingMatrix> RunAsync(IReadOnlyList<TItem> items, CancellationToken cancellationToken)
    {
        var chunks = ChunkPlan.Cut(items.Count, i => sizeOf(items[i]), options.MaxItemsPerRequest, options.MaxRequestBytes, itemName);
        var result = new MatrixAssembly(items.Count, key.Model);
        if (chunks.Count == 1)
        {
            await SendAsync(items, chunks[0], result, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentRequests, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(chunks, parallel, (chunk, token) => new ValueTask(SendAsync(items, chunk, result, token)))
                .ConfigureAwait(false);
        }

        return result.Result;
    }

    private async Task SendAsync(IReadOnlyList<TItem> items, RequestChunk chunk, MatrixAssembly result, CancellationToken cancellationToken)
    {
        using var request = new PooledBufferWriter();
        try
        {
            write(request, items, chunk.Start, chunk.Count);
        }
        catch (PayloadFormatException e)
        {
            throw new InvalidRequestException(e.Message, "input");
        }

        await fabric.CallAsync(key, request.WrittenMemory, reply => result.Add(reply, chunk), _callOptions, cancellationToken).ConfigureAwait(false);
    }
}
