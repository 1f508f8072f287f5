using k8s.Models;
using Similarity.Deploy.Tests.Pods;

namespace Similarity.Deploy.Tests.Manifests;

/// <summary>Every name a pod refers to is defined in the manifests (Secrets in the documented example).</summary>
public class ReferenceTests
{
    private static readonly ManifestSet Manifests = ManifestSet.Deployed;

    [Fact]
    public void Every_secret_reference_names_a_defined_secret_and_key()
    {
        var undefined =
            from pod in Manifests.PodTemplates
            from container in pod.Containers
            from reference in SecretReferences(container, pod.Spec)
            let secret = Manifests.Secret(reference.Name)
            where secret is null || (reference.Key is not null && !ContainerEnvironment.SecretKeys(secret).Contains(reference.Key))
            select $"{pod} container {container.Name}: secret {reference.Name} key {reference.Key}";

        Assert.Empty(undefined);
    }

    [Fact]
    public void Every_config_map_reference_names_a_defined_map_and_key()
    {
        var undefined =
            from pod in Manifests.PodTemplates
            from container in pod.Containers
            from reference in ConfigMapReferences(container, pod.Spec)
            let map = Manifests.ConfigMap(reference.Name)
            where map is null || (reference.Key is not null && map.Data?.ContainsKey(reference.Key) != true)
            select $"{pod} container {container.Name}: config map {reference.Name} key {reference.Key}";

        Assert.Empty(undefined);
    }

    [Fact]
    public void Every_volume_claim_names_a_defined_claim()
    {
        var undefined =
            from pod in Manifests.PodTemplates
            from volume in pod.Spec.Volumes ?? []
            where volume.PersistentVolumeClaim is { } claim && Manifests.Find<V1PersistentVolumeClaim>(claim.ClaimName) is null
            select $"{pod} volume {volume.Name}: claim {volume.PersistentVolumeClaim.ClaimName}";

        Assert.Empty(undefined);
    }

    [Fact]
    public void Every_service_account_is_defined()
    {
        var undefined = Manifests.PodTemplates
            .Where(pod => pod.Spec.ServiceAccountName is { } name && Manifests.Find<V1ServiceAccount>(name) is null)
            .Select(pod => $"{pod}: service account {pod.Spec.ServiceAccountName}");

        Assert.Empty(undefined);
    }

    [Fact]
    public void Every_volume_mount_names_a_volume_of_its_pod()
    {
        var undefined =
            from pod in Manifests.PodTemplates
            let volumes = (pod.Spec.Volumes ?? []).Select(v => v.Name).Concat(pod.ClaimTemplates.Select(c => c.Metadata.Name)).ToHashSet()
            from container in pod.Containers
            from mount in container.VolumeMounts ?? []
            where !volumes.Contains(mount.Name)
            select $"{pod} container {container.Name}: mount {mount.Name}";

        Assert.Empty(undefined);
    }

    [Fact]
    public void Every_variable_a_command_line_refers_to_is_defined()
    {
        var undefined =
            from pod in Manifests.PodTemplates
            from container in pod.Containers
            let environment = ContainerEnvironment.Of(container, Manifests)
            from argument in (container.Command ?? []).Concat(container.Args ?? [])
            from name in environment.UndefinedReferences(argument)
            select $"{pod} container {container.Name}: '{argument}' refers to {name}";

        Assert.Empty(undefined);
    }

    private static IEnumerable<(string Name, string? Key)> SecretReferences(V1Container container, V1PodSpec pod) =>
        (container.Env ?? []).Where(e => e.ValueFrom?.SecretKeyRef is not null).Select(e => (e.ValueFrom.SecretKeyRef.Name, (string?)e.ValueFrom.SecretKeyRef.Key))
            .Concat((container.EnvFrom ?? []).Where(e => e.SecretRef is not null).Select(e => (e.SecretRef.Name, (string?)null)))
            .Concat((pod.Volumes ?? []).Where(v => v.Secret is not null).Select(v => (v.Secret.SecretName, (string?)null)));

    private static IEnumerable<(string Name, string? Key)> ConfigMapReferences(V1Container container, V1PodSpec pod) =>
        (container.Env ?? []).Where(e => e.ValueFrom?.ConfigMapKeyRef is not null).Select(e => (e.ValueFrom.ConfigMapKeyRef.Name, (string?)e.ValueFrom.ConfigMapKeyRef.Key))
            .Concat((container.EnvFrom ?? []).Where(e => e.ConfigMapRef is not null).Select(e => (e.ConfigMapRef.Name, (string?)null)))
            .Concat((pod.Volumes ?? []).Where(v => v.ConfigMap is not null).Select(v => (v.ConfigMap.Name, (string?)null)));
}
