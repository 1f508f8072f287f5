using Similarity.Deploy.Tests.Manifests;
using Similarity.Deploy.Tests.Pods;
using Similarity.Deploy.Tests.Silos;
using Similarity.Deploy.Tests.Simctl;

namespace Similarity.Deploy.Tests.Jobs;

/// <summary>The Jobs run <c>simctl --cluster</c> against the silos: same cluster, models the silos serve, volumes they mount.</summary>
public class JobTests
{
    private static readonly ManifestSet Manifests = ManifestSet.Deployed;
    private static readonly IReadOnlyList<SiloPool> Pools = SiloPool.In(Manifests);

    [Fact]
    public void Every_job_runs_simctl()
    {
        var others = Manifests.PodTemplates
            .Where(pod => pod.Workload.Kind == "Job")
            .SelectMany(pod => pod.Containers.Where(c => SimctlInvocation.Of(c) is null).Select(c => $"{pod} container {c.Name}"));

        Assert.Empty(others);
    }

    [Fact]
    public void A_job_migrates_the_schema()
    {
        Assert.Contains(Jobs(), job => job.Invocation.Command == "db migrate");
    }

    [Fact]
    public void Every_job_passes_the_silos_cluster_secret_as_cluster()
    {
        var silos = Assert.Single(Pools.Select(p => p.Silo.Environment["SIMILARITY_SILO__CLUSTER"]).Distinct());
        Assert.Equal(EnvironmentSource.Secret, silos?.Source);

        Assert.All(Jobs(), job => Assert.Equal(silos, job.Option("--cluster")));
    }

    [Fact]
    public void Every_job_that_names_a_model_joins_the_silos_cluster_id()
    {
        var id = Assert.Single(Pools.Select(p => p.Silo.Environment.Text("SIMILARITY_SILO__CLUSTERID")).Distinct());

        Assert.All(ModelJobs(), job => Assert.Equal(id, job.Option("--cluster-id")?.Text));
    }

    [Fact]
    public void Every_job_model_is_served_by_a_pool_of_the_device_it_asks_for()
    {
        var unserved =
            from job in ModelJobs()
            let model = job.Invocation.Option("--model")
            let device = job.Invocation.Option("--device") ?? "cpu"
            where !Pools.Any(pool => pool.Device == device && pool.Models.Contains(model))
            select $"{job}: no {device} pool serves model '{model}'";

        Assert.Empty(unserved);
    }

    [Theory]
    [InlineData("--data")]
    [InlineData("--input")]
    [InlineData("--output")]
    public void Every_job_path_is_on_a_volume_the_job_mounts(string option)
    {
        var unmounted = Jobs()
            .Where(job => job.Invocation.Option(option) is { } path && job.MountHolding(path) is null)
            .Select(job => $"{job}: {option} {job.Invocation.Option(option)}");

        Assert.Empty(unmounted);
    }

    [Fact]
    public void Every_job_ends_within_a_deadline_and_a_retry_limit()
    {
        var unbounded = Manifests.All<k8s.Models.V1Job>()
            .Where(j => j.Object.Spec.ActiveDeadlineSeconds is null || j.Object.Spec.BackoffLimit is null)
            .Select(j => j.Resource.ToString());

        Assert.Empty(unbounded);
    }

    private static IReadOnlyList<SimctlContainer> Jobs()
    {
        var jobs = SimctlContainer.In(Manifests).Where(c => c.Pod.Workload.Kind == "Job").ToList();
        Assert.NotEmpty(jobs);
        return jobs;
    }

    private static IReadOnlyList<SimctlContainer> ModelJobs()
    {
        var jobs = Jobs().Where(job => job.Invocation.Has("--model")).ToList();
        Assert.NotEmpty(jobs);
        return jobs;
    }
}
