using k8s.Models;
using Similarity.TestSupport;

namespace Similarity.Deploy.Tests.Manifests;

public class ManifestFileTests
{
    private const string Service = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n";

    [Fact]
    public void Every_yaml_file_in_deploy_k8s_loads_as_kubernetes_objects_or_a_kustomization()
    {
        var manifests = ManifestSet.Load(ManifestFolder.Path);

        var loaded = manifests.Resources.Select(r => r.File).Concat(manifests.Kustomizations.Select(k => k.File)).ToHashSet();
        Assert.Equal(manifests.Files.Order(StringComparer.Ordinal), loaded.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_document_of_a_multi_document_file_is_loaded()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.Write("two.yaml", Service + "---\n# a comment between documents\n" + Service.Replace("web", "api", StringComparison.Ordinal));

        var resources = ManifestFile.Load(path, "two.yaml");

        Assert.Equal(["web", "api"], resources.Select(r => r.Name));
        Assert.All(resources, r => Assert.IsType<V1Service>(r.Object));
    }

    [Fact]
    public void An_unknown_kind_is_refused_naming_the_file()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.Write("cnpg.yaml", "apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata: {name: pg}\n");

        var error = Assert.Throws<ManifestException>(() => ManifestFile.Load(path, "cnpg.yaml"));

        Assert.Contains("cnpg.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains("postgresql.cnpg.io/v1/Cluster", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_field_is_refused_naming_the_file_and_line()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.Write("web.yaml", Service.Replace("selector", "selectr", StringComparison.Ordinal));

        var error = Assert.Throws<ManifestException>(() => ManifestFile.Load(path, "web.yaml"));

        Assert.Contains("web.yaml: line 5", error.Message, StringComparison.Ordinal);
        Assert.Contains("selectr", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_manifest_file_holds_a_resource()
    {
        var manifests = ManifestSet.Deployed;
        var withResources = manifests.Resources.Select(r => r.File).ToHashSet();

        var empty = manifests.Files.Where(f => Path.GetFileName(f) != Kustomization.FileName && !withResources.Contains(f));

        Assert.Empty(empty);
    }
}
