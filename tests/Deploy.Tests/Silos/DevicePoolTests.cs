using Similarity.Deploy.Tests.Manifests;

namespace Similarity.Deploy.Tests.Silos;

public class DevicePoolTests
{
    private static readonly IReadOnlyList<SiloPool> Pools = SiloPool.In(ManifestSet.Deployed);

    [Fact]
    public void There_is_a_cpu_pool_and_a_gpu_pool()
    {
        Assert.Equal(["cpu", "gpu"], Pools.Select(p => p.Device).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_gpu_pool_requests_a_gpu()
    {
        Assert.All(Pools.Where(p => p.Device == "gpu"), pool => Assert.True(pool.Gpus >= 1, $"{pool} sets device gpu but requests no nvidia.com/gpu"));
    }

    [Fact]
    public void The_cpu_pool_requests_no_gpu()
    {
        Assert.All(Pools.Where(p => p.Device != "gpu"), pool =>
        {
            Assert.Equal(0, pool.Gpus);
            Assert.False(pool.Silo.Container.Resources?.Requests?.ContainsKey("nvidia.com/gpu") ?? false, $"{pool} requests a GPU it does not use");
        });
    }

    [Fact]
    public void The_gpu_pool_is_scheduled_onto_gpu_nodes()
    {
        Assert.All(Pools.Where(p => p.Device == "gpu"), pool =>
        {
            Assert.NotEmpty(pool.Silo.Pod.Spec.NodeSelector ?? new Dictionary<string, string>());
            Assert.Contains(pool.Silo.Pod.Spec.Tolerations ?? [], t => t.Key == "nvidia.com/gpu");
        });
    }
}
