using k8s.Models;
using Similarity.Deploy.Tests.Manifests;

namespace Similarity.Deploy.Tests.Pods;

public class ServiceTests
{
    private static readonly ManifestSet Manifests = ManifestSet.Deployed;

    [Fact]
    public void Every_service_selects_the_pods_of_a_workload()
    {
        var idle = Manifests.All<V1Service>()
            .Where(s => !Manifests.PodTemplates.Any(pod => LabelSelection.Matches(s.Object.Spec.Selector, pod.Labels)))
            .Select(s => s.Resource.ToString());

        Assert.Empty(idle);
    }

    [Fact]
    public void Every_service_port_targets_a_named_port_of_every_pod_it_selects()
    {
        var unmatched =
            from service in Manifests.All<V1Service>()
            from pod in Manifests.PodTemplates
            where LabelSelection.Matches(service.Object.Spec.Selector, pod.Labels)
            let named = pod.Containers.SelectMany(c => c.Ports ?? []).Where(p => p.Name is not null).ToDictionary(p => p.Name, p => p.ContainerPort)
            from port in service.Object.Spec.Ports
            where port.TargetPort?.Value is not { } target || !named.ContainsKey(target)
            select $"{service.Resource} port {port.Name} targets '{port.TargetPort?.Value}', which {pod} does not name";

        Assert.Empty(unmatched);
    }

    [Fact]
    public void Every_workload_selects_its_own_pods()
    {
        var blind = Manifests.PodTemplates
            .Where(pod => pod.Workload.Kind != "Job" && !LabelSelection.Matches(pod.Selector, pod.Labels))
            .Select(pod => pod.ToString());

        Assert.Empty(blind);
    }

    [Fact]
    public void Every_stateful_set_is_governed_by_a_service_that_selects_its_pods()
    {
        var ungoverned =
            from set in Manifests.All<V1StatefulSet>()
            let service = Manifests.Find<V1Service>(set.Object.Spec.ServiceName)
            where service is null || !LabelSelection.Matches(service.Spec.Selector, set.Object.Spec.Template.Metadata.Labels)
            select $"{set.Resource}: serviceName '{set.Object.Spec.ServiceName}'";

        Assert.Empty(ungoverned);
    }
}
