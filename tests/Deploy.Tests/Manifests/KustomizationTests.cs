using Similarity.TestSupport;

namespace Similarity.Deploy.Tests.Manifests;

public class KustomizationTests
{
    private static readonly ManifestSet Manifests = ManifestSet.Deployed;

    [Fact]
    public void Every_manifest_is_a_resource_of_the_kustomization_in_its_folder()
    {
        var unlisted = ResourceFiles()
            .Where(file => file != ManifestSet.ExampleSecretsFile)
            .Where(file => Manifests.KustomizationIn(Folder(file)) is not { } k
                || !k.Resources.Any(entry => Manifests.Resolve(k.Folder, entry) == file));

        Assert.Empty(unlisted);
    }

    [Fact]
    public void Every_kustomization_entry_names_an_existing_file_or_kustomization_folder()
    {
        var missing = Manifests.Kustomizations
            .SelectMany(k => k.Resources.Concat(k.Components).Select(entry => (k.File, Path: Manifests.Resolve(k.Folder, entry))))
            .Where(e => !File.Exists(Path.Combine(Manifests.Root, e.Path))
                && !File.Exists(Path.Combine(Manifests.Root, e.Path, Kustomization.FileName)));

        Assert.Empty(missing);
    }

    [Fact]
    public void The_example_secrets_are_applied_by_no_kustomization()
    {
        var listing = Manifests.Kustomizations
            .Where(k => k.Resources.Any(entry => Manifests.Resolve(k.Folder, entry) == ManifestSet.ExampleSecretsFile));

        Assert.Contains(Manifests.Resources, r => r.File == ManifestSet.ExampleSecretsFile && r.Kind == "Secret");
        Assert.Empty(listing);
    }

    [Fact]
    public void The_root_kustomization_starts_no_job()
    {
        var root = Manifests.KustomizationIn("") ?? throw new Xunit.Sdk.XunitException("deploy/k8s has no kustomization.yaml");

        var jobs = Manifests.Resources.Where(r => r.Kind is "Job" or "CronJob" && AppliedBy(root, r.File));

        Assert.Empty(jobs);
    }

    [Fact]
    public void Every_namespaced_resource_is_in_the_namespace_its_kustomization_sets()
    {
        var misplaced = Manifests.Resources
            .Where(r => r.Kind is not ("Namespace" or "ClusterRole" or "ClusterRoleBinding" or "PersistentVolume" or "StorageClass"))
            .Select(r => (Resource: r, Expected: (Manifests.KustomizationIn(Folder(r.File)) ?? Manifests.KustomizationIn(""))?.Namespace))
            .Where(e => e.Expected is null || e.Resource.Object.Metadata.NamespaceProperty != e.Expected)
            .Select(e => $"{e.Resource} is in '{e.Resource.Object.Metadata.NamespaceProperty}', its kustomization sets '{e.Expected}'");

        Assert.Empty(misplaced);
    }

    [Fact]
    public void The_namespace_the_kustomizations_set_is_defined()
    {
        var namespaces = Manifests.Kustomizations.Where(k => k.Kind == "Kustomization").Select(k => k.Namespace).Distinct().ToList();

        var defined = Assert.Single(namespaces);
        Assert.Contains(Manifests.Resources, r => r.Kind == "Namespace" && r.Name == defined);
    }

    [Fact]
    public void Every_container_image_is_untagged_and_pinned_by_the_images_component_of_its_kustomization()
    {
        var unpinned =
            from pod in Manifests.PodTemplates
            where pod.Workload.File != ManifestSet.ExampleSecretsFile
            from container in pod.Containers
            let pinned = PinnedImages(Manifests.KustomizationIn(Folder(pod.Workload.File)))
            where HasTagOrDigest(container.Image) || !pinned.Contains(container.Image)
            select $"{pod} container {container.Name}: image '{container.Image}'";

        Assert.Empty(unpinned);
    }

    [Fact]
    public void A_kustomization_with_a_field_the_tests_do_not_model_is_refused()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.Write(Kustomization.FileName, "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\npatches:\n  - path: b.yaml\n");

        var error = Assert.Throws<ManifestException>(() => Kustomization.Load(path, "x/kustomization.yaml"));

        Assert.Contains("x/kustomization.yaml: line 4", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<string> ResourceFiles() =>
        Manifests.Files.Where(f => Path.GetFileName(f) != Kustomization.FileName);

    private static string Folder(string file) => Path.GetDirectoryName(file) ?? "";

    private static bool AppliedBy(Kustomization kustomization, string file) =>
        kustomization.Resources.Any(entry => Manifests.Resolve(kustomization.Folder, entry) == file);

    /// <summary>The image names the components of <paramref name="kustomization"/> rewrite.</summary>
    private static HashSet<string> PinnedImages(Kustomization? kustomization) =>
        (kustomization?.Components ?? [])
            .Select(component => Manifests.KustomizationIn(Manifests.Resolve(kustomization!.Folder, component)))
            .Where(component => component is { Kind: "Component" })
            .SelectMany(component => component!.Images.Where(i => i.NewTag is not null || i.Digest is not null).Select(i => i.Name))
            .ToHashSet(StringComparer.Ordinal);

    private static bool HasTagOrDigest(string image) =>
        image.Contains('@', StringComparison.Ordinal) || image[(image.LastIndexOf('/') + 1)..].Contains(':', StringComparison.Ordinal);
}
