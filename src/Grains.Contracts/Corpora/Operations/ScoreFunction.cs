namespace Similarity.Grains.Contracts.Corpora.Operations;

/// <summary>How a distributed operation compares rows, as the kernels' similarity functions: higher = more similar, distances negated.</summary>
[GenerateSerializer]
public enum ScoreFunction
{
    Cosine = 0,
    Dot = 1,
    Manhattan = 2,
    Euclidean = 3,
}
