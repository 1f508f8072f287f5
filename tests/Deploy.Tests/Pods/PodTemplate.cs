using k8s.Models;
using Similarity.Deploy.Tests.Manifests;

namespace Similarity.Deploy.Tests.Pods;

/// <summary>The pods a workload (Deployment, StatefulSet, Job, DaemonSet) creates: their labels, spec and the workload's selector.</summary>
public sealed record PodTemplate(
    ManifestResource Workload,
    IDictionary<string, string> Labels,
    V1PodSpec Spec,
    V1LabelSelector? Selector,
    IReadOnlyList<V1PersistentVolumeClaim> ClaimTemplates)
{
    /// <summary>Init containers and containers alike.</summary>
    public IEnumerable<V1Container> Containers => (Spec.InitContainers ?? []).Concat(Spec.Containers ?? []);

    /// <summary>The pod template of <paramref name="resource"/>, or null when it creates no pods.</summary>
    public static PodTemplate? Of(ManifestResource resource) => resource.Object switch
    {
        V1Deployment d => From(resource, d.Spec.Template, d.Spec.Selector, null),
        V1StatefulSet s => From(resource, s.Spec.Template, s.Spec.Selector, s.Spec.VolumeClaimTemplates),
        V1DaemonSet d => From(resource, d.Spec.Template, d.Spec.Selector, null),
        V1Job j => From(resource, j.Spec.Template, j.Spec.Selector, null),
        _ => null,
    };

    public override string ToString() => Workload.ToString();

    private static PodTemplate From(ManifestResource resource, V1PodTemplateSpec template, V1LabelSelector? selector, IList<V1PersistentVolumeClaim>? claims) =>
        new(
            resource,
            template.Metadata?.Labels ?? new Dictionary<string, string>(),
            template.Spec ?? throw new ManifestException($"{resource}: the pod template has no spec"),
            selector,
            claims?.ToList() ?? []);
}
