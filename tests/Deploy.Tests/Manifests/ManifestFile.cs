using k8s;
using k8s.Models;
using YamlDotNet.Core;

namespace Similarity.Deploy.Tests.Manifests;

/// <summary>Reads one manifest file, every YAML document in it, into KubernetesClient's typed models.</summary>
public static class ManifestFile
{
    /// <summary>
    /// The objects in <paramref name="path"/>, named in messages as <paramref name="name"/>. Strict: an unknown
    /// apiVersion/kind or a field the typed model lacks (a misspelt key) is a <see cref="ManifestException"/>.
    /// </summary>
    public static IReadOnlyList<ManifestResource> Load(string path, string name)
    {
        List<object> documents;
        try
        {
            documents = KubernetesYaml.LoadAllFromString(File.ReadAllText(path), typeMap: null, strict: true);
        }
        catch (YamlException e)
        {
            var cause = e.InnerException is null ? e.Message : $"{e.Message} {e.InnerException.Message}";
            throw new ManifestException($"{name}: line {e.Start.Line}: {cause}", e);
        }
        catch (KeyNotFoundException e)
        {
            throw new ManifestException($"{name}: a document's apiVersion/kind is not a Kubernetes type KubernetesClient knows ({e.Message})", e);
        }

        return documents
            .Select(document => document is IKubernetesObject<V1ObjectMeta> typed
                ? new ManifestResource(name, typed)
                : throw new ManifestException($"{name}: {document.GetType().Name} is not an object with metadata"))
            .ToList();
    }
}
