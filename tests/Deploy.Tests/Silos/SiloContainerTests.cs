using System.Globalization;
using k8s.Models;
using Similarity.Deploy.Tests.Manifests;
using Similarity.Deploy.Tests.Pods;

namespace Similarity.Deploy.Tests.Silos;

/// <summary>The silo pods against the contract of <c>simctl silo</c>: its environment, ports, probes and shutdown.</summary>
public class SiloContainerTests
{
    private static readonly ManifestSet Manifests = ManifestSet.Deployed;

    [Theory]
    [InlineData("POD_NAME", "metadata.name")]
    [InlineData("POD_IP", "status.podIP")]
    [InlineData("POD_NAMESPACE", "metadata.namespace")]
    public void Silos_take_their_identity_from_the_downward_api(string variable, string field)
    {
        Assert.All(Pools(), pool => Assert.Equal(new EnvironmentValue(EnvironmentSource.Field, null, Key: field), pool.Silo.Environment[variable]));
    }

    [Theory]
    [InlineData("silo", "SIMILARITY_SILO__SILOPORT")]
    [InlineData("gateway", "SIMILARITY_SILO__GATEWAYPORT")]
    [InlineData("http", "SIMILARITY_SILO__HTTP")]
    public void Every_named_container_port_is_the_port_the_silo_is_configured_with(string port, string setting)
    {
        Assert.All(Pools(), pool =>
        {
            var declared = Assert.Single(pool.Silo.Container.Ports ?? [], p => p.Name == port);
            var configured = pool.Silo.Environment.Text(setting) ?? throw new Xunit.Sdk.XunitException($"{pool} does not set {setting}");
            Assert.Equal(declared.ContainerPort, PortOf(configured));
        });
    }

    [Fact]
    public void The_http_api_listens_on_every_interface_so_probes_and_the_service_reach_it()
    {
        Assert.All(Pools(), pool =>
        {
            var http = pool.Silo.Environment.Text("SIMILARITY_SILO__HTTP") ?? "";
            Assert.Contains(http[..http.LastIndexOf(':')], (string[])["0.0.0.0", "[::]", "*", "+"]);
        });
    }

    [Fact]
    public void Liveness_is_healthz_on_the_http_port()
    {
        Assert.All(Pools(), pool => AssertHttpGet(pool.Silo.Container.LivenessProbe, "/healthz"));
    }

    [Fact]
    public void Readiness_is_readyz_on_the_http_port()
    {
        Assert.All(Pools(), pool => AssertHttpGet(pool.Silo.Container.ReadinessProbe, "/readyz"));
    }

    [Fact]
    public void A_startup_probe_gives_model_loading_minutes_before_liveness_applies()
    {
        Assert.All(Pools(), pool =>
        {
            var startup = pool.Silo.Container.StartupProbe;
            AssertHttpGet(startup, "/readyz");
            Assert.True((startup.PeriodSeconds ?? 10) * (startup.FailureThreshold ?? 3) >= 120, $"{pool}: the startup probe allows less than 2 minutes");
        });
    }

    [Fact]
    public void Termination_grace_outlasts_the_pre_stop_pause_and_the_drain()
    {
        Assert.All(Pools(), pool =>
        {
            var drain = int.Parse(
                pool.Silo.Environment.Text("SIMILARITY_SILO__DRAINSECONDS") ?? throw new Xunit.Sdk.XunitException($"{pool} does not set SIMILARITY_SILO__DRAINSECONDS"),
                CultureInfo.InvariantCulture);
            var pause = pool.Silo.Container.Lifecycle?.PreStop?.Sleep?.Seconds ?? 0;
            var grace = pool.Silo.Pod.Spec.TerminationGracePeriodSeconds ?? 30;
            Assert.True(grace > pause + drain, $"{pool}: terminationGracePeriodSeconds {grace} <= preStop {pause} s + drain {drain} s");
        });
    }

    [Fact]
    public void The_cluster_connection_string_comes_from_a_secret()
    {
        Assert.All(Pools(), pool => Assert.Equal(EnvironmentSource.Secret, pool.Silo.Environment["SIMILARITY_SILO__CLUSTER"]?.Source));
    }

    [Fact]
    public void Every_pool_joins_the_same_cluster()
    {
        var clusters = Pools()
            .Select(pool => (pool.Silo.Environment["SIMILARITY_SILO__CLUSTER"], pool.Silo.Environment.Text("SIMILARITY_SILO__CLUSTERID")))
            .Distinct()
            .ToList();

        var (connection, id) = Assert.Single(clusters);
        Assert.NotNull(connection);
        Assert.False(string.IsNullOrEmpty(id));
    }

    [Fact]
    public void Every_model_folder_is_on_a_volume_the_silo_mounts()
    {
        var unmounted =
            from pool in Pools()
            from model in pool.Models
            let folder = pool.Silo.Environment.Text(SiloPool.ModelPrefix + model)
            where folder is null || (folder.StartsWith('/') && pool.Silo.MountHolding(folder) is null)
            select $"{pool}: model {model} at '{folder}'";

        Assert.Empty(unmounted);
    }

    private static IReadOnlyList<SiloPool> Pools()
    {
        var pools = SiloPool.In(Manifests);
        Assert.NotEmpty(pools);
        return pools;
    }

    private static int PortOf(string address) =>
        int.Parse(address[(address.LastIndexOf(':') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);

    private static void AssertHttpGet(V1Probe? probe, string path)
    {
        Assert.NotNull(probe?.HttpGet);
        Assert.Equal(path, probe.HttpGet.Path);
        Assert.Equal("http", probe.HttpGet.Port.Value);
    }
}
