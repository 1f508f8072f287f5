using k8s.Models;
using Similarity.Deploy.Tests.Manifests;
using Similarity.Deploy.Tests.Pods;

namespace Similarity.Deploy.Tests.Simctl;

/// <summary>A container that runs <c>simctl</c>, with the pods it belongs to, its resolved environment and its command line.</summary>
public sealed record SimctlContainer(PodTemplate Pod, V1Container Container, ContainerEnvironment Environment, SimctlInvocation Invocation)
{
    /// <summary>Every container in <paramref name="manifests"/> that runs simctl.</summary>
    public static IEnumerable<SimctlContainer> In(ManifestSet manifests) =>
        from pod in manifests.PodTemplates
        from container in pod.Containers
        let invocation = SimctlInvocation.Of(container)
        where invocation is not null
        select new SimctlContainer(pod, container, ContainerEnvironment.Of(container, manifests), invocation);

    /// <summary>An option's value as the container sees it, <c>$(NAME)</c> expanded to the variable it names.</summary>
    public EnvironmentValue? Option(string option) =>
        Invocation.Option(option) is { } value ? Environment.Expand(value) : null;

    /// <summary>The mount whose path holds <paramref name="path"/>, if any.</summary>
    public V1VolumeMount? MountHolding(string path) =>
        (Container.VolumeMounts ?? []).FirstOrDefault(mount =>
            path.StartsWith(mount.MountPath.TrimEnd('/') + "/", StringComparison.Ordinal));

    public override string ToString() => $"{Pod} container {Container.Name}: simctl {Invocation.Command}";
}
