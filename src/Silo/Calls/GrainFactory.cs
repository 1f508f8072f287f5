using Similarity.Grains.Contracts;
using Similarity.Silo.Fabric;

namespace Similarity.Silo.Calls;

/// <summary>Hands out grain references over one fabric, the way Orleans' grain factory does; references are cheap and stateless.</summary>
public sealed class GrainFactory(IGrainFabric fabric, GrainCallOptions? options = null)
{
    public IGrainFabric Fabric { get; } = fabric;

    public GrainCallOptions Options { get; } = options ?? GrainCallOptions.Default;

    public IEncoderGrain GetEncoder(string model, DeviceClass device = DeviceClass.Cpu) =>
        new EncoderGrainReference(Fabric, new WorkerKey(model, device), Options);

    public ICrossEncoderGrain GetCrossEncoder(string model, DeviceClass device = DeviceClass.Cpu) =>
        new CrossEncoderGrainReference(Fabric, new WorkerKey(model, device), Options);
}
