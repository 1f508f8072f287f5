namespace Similarity.Grains.Contracts;

/// <summary>The kind of hardware a silo runs models on; work queues are split by it so GPU work only reaches GPU silos.</summary>
public enum DeviceClass
{
    Cpu,
    Gpu,
}
