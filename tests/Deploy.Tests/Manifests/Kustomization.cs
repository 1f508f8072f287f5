using k8s;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Similarity.Deploy.Tests.Manifests;

/// <summary>
/// A <c>kustomization.yaml</c> (a Kustomization, or a Component). Only the fields the manifests use are modelled, and
/// reading is strict: a patch or generator would change resources behind the tests' back, so it fails to load until
/// this model (and the tests) learn it.
/// </summary>
public sealed class Kustomization
{
    public const string FileName = "kustomization.yaml";

    public string ApiVersion { get; set; } = "";

    public string Kind { get; set; } = "";

    public string? Namespace { get; set; }

    public List<string> Resources { get; set; } = [];

    public List<string> Components { get; set; } = [];

    public List<KustomizationImage> Images { get; set; } = [];

    /// <summary>The file, relative to <c>deploy/k8s</c>; set when loaded.</summary>
    [YamlIgnore]
    public string File { get; private set; } = "";

    /// <summary>The folder the file is in, relative to <c>deploy/k8s</c> ("" for the root).</summary>
    [YamlIgnore]
    public string Folder => Path.GetDirectoryName(File) ?? "";

    public static Kustomization Load(string path, string name)
    {
        Kustomization kustomization;
        try
        {
            kustomization = KubernetesYaml.Deserialize<Kustomization>(System.IO.File.ReadAllText(path), strict: true);
        }
        catch (YamlException e)
        {
            throw new ManifestException($"{name}: line {e.Start.Line}: {e.Message}", e);
        }

        if (kustomization.Kind is not ("Kustomization" or "Component"))
        {
            throw new ManifestException($"{name}: kind '{kustomization.Kind}' is neither Kustomization nor Component");
        }

        kustomization.File = name;
        return kustomization;
    }
}
