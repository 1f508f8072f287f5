using System.Globalization;

namespace Similarity.Grains.Datasets;

/// <summary>The range gold scores are annotated in (STSb 0–5, SICK 1–5), used to validate them and map them to 0–1.</summary>
public readonly record struct ScoreScale(double Minimum, double Maximum)
{
    /// <summary>STS Benchmark and SemEval STS: 0 (unrelated) to 5 (equivalent).</summary>
    public static ScoreScale ZeroToFive { get; } = new(0, 5);

    /// <summary>SICK relatedness: 1 to 5.</summary>
    public static ScoreScale OneToFive { get; } = new(1, 5);

    public bool Contains(double score) => score >= Minimum && score <= Maximum;

    /// <summary>Maps to 0–1 (for 0–5 this is <c>score / 5</c>, what sentence-transformers' STSb scripts do). Correlations are unchanged by it.</summary>
    public double Normalise(double score) => (score - Minimum) / (Maximum - Minimum);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Minimum}-{Maximum}");
}
