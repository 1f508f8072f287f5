using Similarity.Grains.Contracts;
using Similarity.Inference.Tensors;
using Similarity.Silo.Fabric;
using Similarity.Silo.Fabric.Codec;

namespace Similarity.Silo.Calls;

/// <summary>
/// A caller's handle on the encoder grain for one (model, device class): splits a call into requests, sends them over
/// the fabric to whichever silos serve the key, and returns the rows in input order.
/// </summary>
public sealed class EncoderGrainReference(IGrainFabric fabric, WorkerKey key, GrainCallOptions options) : IEncoderGrain
{
    private readonly CallOptions _callOptions = options.ToCallOptions();

    public WorkerKey Key { get; } = key;

    public Task<EmbeddingMatrix> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var chunks = ChunkPlan.Cut(texts.Count, i => EncodeRequestCodec.SizeOf(texts[i]), options.MaxItemsPerRequest, options.MaxRequestBytes);
        return ScatterGather.RunAsync(
            chunks, texts.Count, Key.Model, options.MaxConcurrentRequests, (chunk, token) => SendAsync(texts, chunk, token), cancellationToken);
    }

    private async Task<EmbeddingMatrix> SendAsync(IReadOnlyList<string> texts, RequestChunk chunk, CancellationToken cancellationToken)
    {
        using var request = new PooledBufferWriter();
        try
        {
            EncodeRequestCodec.Write(request, texts, chunk.Start, chunk.Count);
        }
        catch (PayloadFormatException e)
        {
            throw new Grains.Contracts.Errors.InvalidRequestException(e.Message, "input");
        }

        return await fabric.CallAsync(Key, request.WrittenMemory, ReplyCodec.ReadMatrix, _callOptions, cancellationToken).ConfigureAwait(false);
    }
}
