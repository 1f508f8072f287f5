namespace Similarity.Grains.Datasets;

/// <summary>An STS task: pairs with graded gold similarity, normalised to 0–1.</summary>
public sealed class SimilarityTask : PairTask
{
    public SimilarityTask(string name, IReadOnlyList<string> first, IReadOnlyList<string> second, double[] scores)
        : base(name, first, second, scores?.Length ?? throw new ArgumentNullException(nameof(scores)))
    {
        Scores = scores;
    }

    /// <summary>Gold similarity of each pair.</summary>
    public double[] Scores { get; }
}
