using System.Buffers;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Errors;
using Similarity.Inference.Tensors;
using Similarity.Silo.Fabric;
using Similarity.Silo.Fabric.Codec;

namespace Similarity.Silo.Calls;

/// <summary>
/// A caller's side of one grain call over the fabric: cuts the items into requests (see <see cref="ChunkPlan"/>), sends
/// them to whichever silos serve the key, and returns the rows in input order. <paramref name="itemName"/> ("text")
/// names an item too large to send; <paramref name="write"/> encodes a run of items as one request.
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

    public Task<EmbeddingMatrix> RunAsync(IReadOnlyList<TItem> items, CancellationToken cancellationToken)
    {
        var chunks = ChunkPlan.Cut(items.Count, i => sizeOf(items[i]), options.MaxItemsPerRequest, options.MaxRequestBytes, itemName);
        return ScatterGather.RunAsync(
            chunks, items.Count, key.Model, options.MaxConcurrentRequests, (chunk, token) => SendAsync(items, chunk, token), cancellationToken);
    }

    private async Task<EmbeddingMatrix> SendAsync(IReadOnlyList<TItem> items, RequestChunk chunk, CancellationToken cancellationToken)
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

        return await fabric.CallAsync(key, request.WrittenMemory, ReplyCodec.ReadMatrix, _callOptions, cancellationToken).ConfigureAwait(false);
    }
}
