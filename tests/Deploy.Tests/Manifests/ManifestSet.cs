using k8s.Models;
using Similarity.Deploy.Tests.Pods;

namespace Similarity.Deploy.Tests.Manifests;

/// <summary>Every manifest under a folder, loaded: the Kubernetes objects, the kustomizations, and look-ups by kind and name.</summary>
public sealed class ManifestSet
{
    /// <summary>The documented credentials example: created out of band, applied by no kustomization.</summary>
    public const string ExampleSecretsFile = "secrets.example.yaml";

    private static readonly Lazy<ManifestSet> Repository = new(() => Load(ManifestFolder.Path));

    private ManifestSet(string root, IReadOnlyList<string> files, IReadOnlyList<ManifestResource> resources, IReadOnlyList<Kustomization> kustomizations)
    {
        Root = root;
        Files = files;
        Resources = resources;
        Kustomizations = kustomizations;
    }

    /// <summary>The checkout's <c>deploy/k8s</c>, loaded once for all tests.</summary>
    public static ManifestSet Deployed => Repository.Value;

    public string Root { get; }

    /// <summary>Every YAML file, relative to <see cref="Root"/>, kustomizations included.</summary>
    public IReadOnlyList<string> Files { get; }

    public IReadOnlyList<ManifestResource> Resources { get; }

    public IReadOnlyList<Kustomization> Kustomizations { get; }

    public IEnumerable<(ManifestResource Resource, T Object)> All<T>()
        where T : class => Resources.Where(r => r.Object is T).Select(r => (r, (T)r.Object));

    public IEnumerable<PodTemplate> PodTemplates =>
        Resources.Select(PodTemplate.Of).OfType<PodTemplate>();

    public V1ConfigMap? ConfigMap(string name) => Find<V1ConfigMap>(name);

    public V1Secret? Secret(string name) => Find<V1Secret>(name);

    public T? Find<T>(string name)
        where T : class => All<T>().Where(r => r.Resource.Name == name).Select(r => r.Object).FirstOrDefault();

    /// <summary>Loads every <c>*.yaml</c> under <paramref name="root"/>; a file that does not load is a <see cref="ManifestException"/>.</summary>
    public static ManifestSet Load(string root)
    {
        var files = Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path))
            .Order(StringComparer.Ordinal)
            .ToList();
        var resources = new List<ManifestResource>();
        var kustomizations = new List<Kustomization>();
        foreach (var file in files)
        {
            var path = Path.Combine(root, file);
            if (Path.GetFileName(file) == Kustomization.FileName)
            {
                kustomizations.Add(Kustomization.Load(path, file));
            }
            else
            {
                resources.AddRange(ManifestFile.Load(path, file));
            }
        }

        return new ManifestSet(root, files, resources, kustomizations);
    }

    /// <summary>The kustomization in <paramref name="folder"/> (relative to <see cref="Root"/>), if there is one.</summary>
    public Kustomization? KustomizationIn(string folder) => Kustomizations.FirstOrDefault(k => k.Folder == folder);

    /// <summary><paramref name="entry"/> of a kustomization in <paramref name="folder"/>, as a path relative to <see cref="Root"/>.</summary>
    public string Resolve(string folder, string entry) =>
        Path.GetRelativePath(Root, Path.GetFullPath(Path.Combine(Root, folder, entry)));
}
