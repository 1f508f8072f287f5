using k8s.Models;
using Similarity.Deploy.Tests.Manifests;
using Similarity.Deploy.Tests.Silos;

namespace Similarity.Deploy.Tests.Pods;

public class DisruptionBudgetTests
{
    private static readonly ManifestSet Manifests = ManifestSet.Deployed;

    [Fact]
    public void Every_budget_selects_the_pods_of_exactly_one_deployment()
    {
        var stray = Manifests.All<V1PodDisruptionBudget>()
            .Select(b => (Budget: b.Resource, Deployments: Deployments().Count(pod => LabelSelection.Matches(b.Object.Spec.Selector, pod.Labels))))
            .Where(b => b.Deployments != 1)
            .Select(b => $"{b.Budget} selects the pods of {b.Deployments} deployments");

        Assert.Empty(stray);
    }

    [Fact]
    public void Every_silo_pool_has_a_budget()
    {
        var budgets = Manifests.All<V1PodDisruptionBudget>().Select(b => b.Object.Spec.Selector).ToList();

        var unprotected = SiloPool.In(Manifests).Where(pool => !budgets.Any(selector => LabelSelection.Matches(selector, pool.Silo.Pod.Labels)));

        Assert.Empty(unprotected);
    }

    [Fact]
    public void Every_budget_lets_a_pod_go_yet_keeps_one_running()
    {
        var wrong =
            from budget in Manifests.All<V1PodDisruptionBudget>()
            from deployment in Manifests.All<V1Deployment>()
            where LabelSelection.Matches(budget.Object.Spec.Selector, deployment.Object.Spec.Template.Metadata.Labels)
            let replicas = deployment.Object.Spec.Replicas ?? 1
            let available = Available(budget.Object.Spec, replicas)
            where available is null || available < 1 || available >= replicas
            select $"{budget.Resource} keeps {available?.ToString() ?? "an unknown number"} of {replicas} pods of {deployment.Resource} available";

        Assert.Empty(wrong);
    }

    private static IEnumerable<PodTemplate> Deployments() => Manifests.PodTemplates.Where(pod => pod.Workload.Kind == "Deployment");

    /// <summary>Pods the budget keeps available out of <paramref name="replicas"/>; null for a percentage or no bound.</summary>
    private static int? Available(V1PodDisruptionBudgetSpec spec, int replicas) =>
        (spec.MaxUnavailable?.Value, spec.MinAvailable?.Value) switch
        {
            ({ } max, null) when int.TryParse(max, out var m) => replicas - m,
            (null, { } min) when int.TryParse(min, out var m) => m,
            _ => null,
        };
}
