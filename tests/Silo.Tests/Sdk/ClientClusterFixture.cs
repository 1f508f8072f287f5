using Similarity.Grains.Contracts;
using Similarity.Silo.Tests.Cluster;
using Similarity.Silo.Tests.Doubles;

namespace Similarity.Silo.Tests.Sdk;

/// <summary>One two-silo cluster serving the bert-mean fixture as "mini" and the ALBERT cross-encoder as "cross", shared by a class of tests.</summary>
public sealed class ClientClusterFixture : IAsyncLifetime
{
    public ModelCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var models = new Dictionary<string, string>
        {
            ["mini"] = ClusterTestModel.BiEncoder.Folder,
            ["cross"] = ClusterTestModel.CrossEncoder.Folder,
        };
        Cluster = await ModelCluster.StartAsync([new SiloSpec(DeviceClass.Cpu, models), new SiloSpec(DeviceClass.Cpu, models)]);
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
