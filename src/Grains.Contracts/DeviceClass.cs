namespace Similarity.Grains.Contracts;

/// <summary>The kind of hardware a silo runs models on; a request names one, and only silos of that class serve it.</summary>
public enum DeviceClass
{
    Cpu,
    Gpu,
}
