using Similarity.Grains.Kernels;

namespace Similarity.Grains.Evaluation;

/// <summary>How evaluators call the model and which similarity functions they report.</summary>
public sealed class EvaluationOptions
{
    /// <summary>Texts (or pairs) per call to the model; the model's own batcher may split them further.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Functions whose metrics bi-encoder evaluators report, in key order (default: cosine, dot, manhattan, euclidean).</summary>
    public IReadOnlyList<SimilarityFunction> SimilarityFunctions { get; init; } = SimilarityFunctionNames.All;

    /// <summary>Throws if an option is out of range, so a bad configuration fails before any model call.</summary>
    public void Validate()
    {
        if (BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "Evaluation batch size must be at least 1.");
        }

        if (SimilarityFunctions is null || SimilarityFunctions.Count == 0)
        {
            throw new ArgumentException("Evaluation needs at least one similarity function.", nameof(SimilarityFunctions));
        }

        if (SimilarityFunctions.Distinct().Count() != SimilarityFunctions.Count)
        {
            throw new ArgumentException("Evaluation similarity functions must not repeat.", nameof(SimilarityFunctions));
        }
    }
}
