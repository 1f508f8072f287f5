namespace Similarity.Deploy.Tests.Manifests;

/// <summary>One entry of a kustomization's <c>images</c>: the image name manifests use, and what kustomize makes of it.</summary>
public sealed class KustomizationImage
{
    public string Name { get; set; } = "";

    public string? NewName { get; set; }

    public string? NewTag { get; set; }

    public string? Digest { get; set; }
}
