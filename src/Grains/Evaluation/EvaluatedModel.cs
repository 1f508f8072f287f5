using Similarity.Inference.Models;

namespace Similarity.Grains.Evaluation;

/// <summary>The model under evaluation: a bi-encoder or a cross-encoder, whichever the model is.</summary>
public sealed class EvaluatedModel
{
    private EvaluatedModel(ISentenceEncoder? encoder, IPairClassifier? classifier) => (Encoder, Classifier) = (encoder, classifier);

    /// <summary>The bi-encoder, or null for a cross-encoder.</summary>
    public ISentenceEncoder? Encoder { get; }

    /// <summary>The cross-encoder, or null for a bi-encoder.</summary>
    public IPairClassifier? Classifier { get; }

    public static EvaluatedModel Of(ISentenceEncoder encoder) => new(encoder ?? throw new ArgumentNullException(nameof(encoder)), null);

    public static EvaluatedModel Of(IPairClassifier classifier) => new(null, classifier ?? throw new ArgumentNullException(nameof(classifier)));
}
