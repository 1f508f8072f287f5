using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Errors;
using Similarity.Inference.Models;
using Similarity.Inference.Tensors;
using Similarity.Silo.Fabric;
using Similarity.Silo.Fabric.Codec;

namespace Similarity.Silo.Calls;

/// <summary>A caller's handle on the cross-encoder grain for one (model, device class); pairs are split and reassembled in order.</summary>
public sealed class CrossEncoderGrainReference(IGrainFabric fabric, WorkerKey key, GrainCallOptions options) : ICrossEncoderGrain
{
    private readonly CallOptions _callOptions = options.ToCallOptions();

    public WorkerKey Key { get; } = key;

    public Task<EmbeddingMatrix> PredictAsync(IReadOnlyList<TextPair> pairs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var chunks = ChunkPlan.Cut(
            pairs.Count, i => PredictRequestCodec.SizeOf(pairs[i]), options.MaxItemsPerRequest, options.MaxRequestBytes, "pair");
        return ScatterGather.RunAsync(
            chunks, pairs.Count, Key.Model, options.MaxConcurrentRequests, (chunk, token) => SendAsync(pairs, chunk, token), cancellationToken);
    }

    private async Task<EmbeddingMatrix> SendAsync(IReadOnlyList<TextPair> pairs, RequestChunk chunk, CancellationToken cancellationToken)
    {
        using var request = new PooledBufferWriter();
        try
        {
            PredictRequestCodec.Write(request, pairs, chunk.Start, chunk.Count);
        }
        catch (PayloadFormatException e)
        {
            throw new InvalidRequestException(e.Message, "input");
        }

        return await fabric.CallAsync(Key, request.WrittenMemory, ReplyCodec.ReadMatrix, _callOptions, cancellationToken).ConfigureAwait(false);
    }
}
