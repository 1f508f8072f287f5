using Similarity.Grains.Contracts;
using Similarity.Inference.Models;
using Similarity.Inference.Tensors;
using Similarity.Silo.Fabric;
using Similarity.Silo.Fabric.Codec;

namespace Similarity.Silo.Calls;

/// <summary>A caller's handle on the cross-encoder grain for one (model, device class); pairs are split and reassembled in order.</summary>
public sealed class CrossEncoderGrainReference(IGrainFabric fabric, WorkerKey key, GrainCallOptions options) : ICrossEncoderGrain
{
    private readonly ChunkedGrainCall<TextPair> _call = new(fabric, key, options, "pair", PredictRequestCodec.SizeOf, PredictRequestCodec.Write);
    public Task<EmbeddingMatrix> PredictAsync(IReadOnlyList<TextPair> pairs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return _call.RunAsync(pairs, cancellationToken);
    }
}
