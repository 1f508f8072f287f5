using Similarity.Deploy.Tests.Manifests;
using Similarity.Deploy.Tests.Simctl;

namespace Similarity.Deploy.Tests.Silos;

/// <summary>A Deployment of <c>simctl silo</c> pods: the device class its silos serve and the models they load.</summary>
public sealed record SiloPool(SimctlContainer Silo)
{
    public const string ModelPrefix = "SIMILARITY_SILO__MODELS__";

    public string Name => Silo.Pod.Workload.Name;

    /// <summary><c>SIMILARITY_SILO__DEVICE</c> as the pods see it, or null when unset.</summary>
    public string? Device => Silo.Environment.Text("SIMILARITY_SILO__DEVICE");

    /// <summary>The model names these silos serve: the <c>SIMILARITY_SILO__MODELS__NAME</c> variables.</summary>
    public IEnumerable<string> Models =>
        Silo.Environment.Variables.Keys.Where(k => k.StartsWith(ModelPrefix, StringComparison.Ordinal)).Select(k => k[ModelPrefix.Length..]);

    /// <summary>GPUs one pod asks the device plugin for (limits, which is where extended resources are set).</summary>
    public long Gpus => Silo.Container.Resources?.Limits?.TryGetValue("nvidia.com/gpu", out var gpus) == true ? gpus.ToInt64() : 0;

    /// <summary>Every silo Deployment in <paramref name="manifests"/>.</summary>
    public static IReadOnlyList<SiloPool> In(ManifestSet manifests) =>
        SimctlContainer.In(manifests)
            .Where(c => c.Invocation.Command == "silo" && c.Pod.Workload.Kind == "Deployment")
            .Select(c => new SiloPool(c))
            .ToList();

    public override string ToString() => Silo.Pod.Workload.ToString();
}
