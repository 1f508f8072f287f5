using System.Collections.Concurrent;
using Similarity.Inference.Models;
using Similarity.Inference.Models.Loading;
using Similarity.Inference.Tensors;
using Similarity.Silo.Models;
using Similarity.TestSupport;

namespace Similarity.Silo.Tests.Doubles;

/// <summary>
/// A real fixture model for the "cluster equals in-process" tests: the folder silos load with the real
/// <see cref="ModelFolderLoader"/>, and the reference results, from the same folder opened in this process with the
/// inference layer's <see cref="ModelLoader"/> (no silo, no Orleans).
/// </summary>
public sealed record ClusterTestModel(string Fixture)
{
    private static readonly ConcurrentDictionary<string, Lazy<OpenedModel>> InProcess = new(StringComparer.Ordinal);

    /// <summary>A BERT bi-encoder with mean pooling (32 dimensions).</summary>
    public static ClusterTestModel BiEncoder { get; } = new("bert-mean");

    /// <summary>An ALBERT cross-encoder with two labels.</summary>
    public static ClusterTestModel CrossEncoder { get; } = new("albert-cross-encoder");

    public IModelLoader Loader { get; } = new ModelFolderLoader();

    public string Folder => SharedFolder.Model(Fixture);

    /// <summary>The model run in this process, opened once per test run.</summary>
    public OpenedModel Reference => InProcess.GetOrAdd(Fixture, _ => new Lazy<OpenedModel>(() => ModelLoader.Open(Folder))).Value;

    public ISentenceEncoder Encoder => Reference.Encoder;

    public EmbeddingMatrix Encode(IReadOnlyList<string> texts) => Reference.Encoder.EncodeAsync(texts).GetAwaiter().GetResult();

    public EmbeddingMatrix Predict(IReadOnlyList<TextPair> pairs) => Reference.Classifier.PredictAsync(pairs).GetAwaiter().GetResult();
}
