using System.Collections.Concurrent;
using Similarity.Grains.Serving;
using Similarity.Silo.Models;

namespace Similarity.Silo.Tests.Doubles;

/// <summary>
/// A model loader for tests that mix doubles with real models. A DIR of the form <c>instance:KEY</c> serves an encoder
/// or classifier registered in this process; a DIR holding a <see cref="TestModelSpec"/> file serves the double it
/// describes (for silos in other processes); any other DIR is a real model folder, loaded by <see cref="ModelFolderLoader"/>.
/// </summary>
public sealed class TestModelLoader : IModelLoader
{
    private readonly ModelFolderLoader _real = new();

    private const string InstancePrefix = "instance:";

    private static readonly ConcurrentDictionary<string, object> Instances = new(StringComparer.Ordinal);

    /// <summary>Registers an encoder or classifier; returns the DIR that refers to it.</summary>
    public static string Register(object runtime)
    {
        var key = Guid.NewGuid().ToString("N");
        Instances[key] = runtime;
        return InstancePrefix + key;
    }

    public Task<ServedModel> LoadAsync(ModelBinding binding, ModelLoadSettings settings, CancellationToken cancellationToken = default)
    {
        if (binding.Path.StartsWith(InstancePrefix, StringComparison.Ordinal))
        {
            var runtime = Instances.TryGetValue(binding.Path[InstancePrefix.Length..], out var found)
                ? found
                : throw new ModelLoadException($"model '{binding.Name}': no test instance {binding.Path}");
            return Task.FromResult(new ServedModel(binding.Name, runtime as Inference.Models.ISentenceEncoder, runtime as Inference.Models.IPairClassifier, owner: NotOwned.Instance));
        }

        if (!File.Exists(Path.Combine(binding.Path, TestModelSpec.FileName)))
        {
            return _real.LoadAsync(binding, settings, cancellationToken);
        }

        var spec = TestModelSpec.Read(binding.Path);
        ServedModel model = spec.Kind == "cross-encoder"
            ? new ServedModel(binding.Name, null, new HashPairClassifier())
            : new ServedModel(binding.Name, new HashSentenceEncoder(), null);
        return Task.FromResult(model);
    }
}
