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
    private readonly ChunkedGrainCall<string> _call = new(fabric, key, options, "text", EncodeRequestCodec.SizeOf, EncodeRequestCodec.Write);
    public Task<EmbeddingMatrix> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return _call.RunAsync(texts, cancellationToken);
    }
}
