using k8s;
using k8s.Models;

namespace Similarity.Deploy.Tests.Manifests;

/// <summary>One Kubernetes object as a typed model, with the manifest file (relative to <c>deploy/k8s</c>) it came from.</summary>
public sealed record ManifestResource(string File, IKubernetesObject<V1ObjectMeta> Object)
{
    public string Kind => Object.Kind;

    public string Name => Object.Metadata?.Name ?? throw new ManifestException($"{File}: a {Kind} has no metadata.name");

    /// <summary>How messages name this object: <c>Kind/name (file)</c>.</summary>
    public override string ToString() => $"{Kind}/{Object.Metadata?.Name} ({File})";
}
