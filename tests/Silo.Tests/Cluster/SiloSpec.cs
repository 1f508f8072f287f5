using Similarity.Grains.Contracts;

namespace Similarity.Silo.Tests.Cluster;

/// <summary>What one silo of a test cluster serves: its device class and its models, NAME → DIR (as <c>TestModelLoader</c> reads DIR).</summary>
public sealed record SiloSpec(DeviceClass Device, IReadOnlyDictionary<string, string> Models)
{
    /// <summary>A CPU silo serving one model as <paramref name="name"/>.</summary>
    public static SiloSpec Cpu(string name, string folder) => new(DeviceClass.Cpu, new Dictionary<string, string> { [name] = folder });

    public static SiloSpec Gpu(string name, string folder) => new(DeviceClass.Gpu, new Dictionary<string, string> { [name] = folder });
}
