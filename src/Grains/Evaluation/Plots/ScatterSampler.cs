using Similarity.Grains.Contracts.Evaluation.Results;

namespace Similarity.Grains.Evaluation.Plots;

/// <summary>
/// Bounds a task's gold-vs-predicted data for a scatter plot: all pairs up to <see cref="DefaultMaxPoints"/>, otherwise
/// evenly spaced pairs in file order, so the sample is the same on every run and machine and spans the whole file.
/// </summary>
public static class ScatterSampler
{
    /// <summary>Enough points to show the shape of a correlation; 21 tasks of them keep an HTML report near 1 MB.</summary>
    public const int DefaultMaxPoints = 2000;

    /// <summary>At most <paramref name="maxPoints"/> (gold, predicted) pairs of the whole task.</summary>
    public static ScoreScatter Sample(string function, ReadOnlySpan<double> gold, ReadOnlySpan<double> predicted, int maxPoints = DefaultMaxPoints)
    {
        ArgumentException.ThrowIfNullOrEmpty(function);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        if (gold.Length != predicted.Length)
        {
            throw new ArgumentException($"{gold.Length} gold scores but {predicted.Length} predicted scores; they must pair up one to one.", nameof(predicted));
        }

        var count = Math.Min(gold.Length, maxPoints);
        var sampledGold = new double[count];
        var sampledPredicted = new double[count];
        for (var k = 0; k < count; k++)
        {
            var pair = (int)((long)k * gold.Length / count);
            sampledGold[k] = gold[pair];
            sampledPredicted[k] = predicted[pair];
        }

        return new ScoreScatter(function, gold.Length, sampledGold, sampledPredicted);
    }
}
