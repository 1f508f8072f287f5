using Similarity.Grains.Kernels;

namespace Similarity.Grains.Evaluation.Scoring;

/// <summary>
/// Similarity scores of a contiguous range of a task's pairs, one array per function. A task can be scored in shards
/// (e.g. by several grains) and the shards merged before the metrics, which need the whole task.
/// </summary>
public sealed class PairScores
{
    private readonly double[][] _values;

    public PairScores(int start, IReadOnlyList<SimilarityFunction> functions, IReadOnlyList<double[]> values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(values);
        if (functions.Count == 0 || functions.Count != values.Count)
        {
            throw new ArgumentException($"{functions.Count} functions but {values.Count} score arrays; need one array per function and at least one.");
        }

        var count = values[0].Length;
        if (values.Any(v => v.Length != count))
        {
            throw new ArgumentException("Score arrays of one shard must have the same length.", nameof(values));
        }

        Start = start;
        Count = count;
        Functions = functions.ToArray();
        _values = values.ToArray();
    }

    /// <summary>Index of the first pair in the task.</summary>
    public int Start { get; }

    public int Count { get; }

    public IReadOnlyList<SimilarityFunction> Functions { get; }

    /// <summary>The scores of one function, aligned with the shard's pairs.</summary>
    public double[] Of(SimilarityFunction function)
    {
        for (var i = 0; i < Functions.Count; i++)
        {
            if (Functions[i] == function)
            {
                return _values[i];
            }
        }

        throw new KeyNotFoundException($"No {function.Name()} scores; these shards hold {string.Join(", ", Functions.Select(f => f.Name()))}.");
    }

    /// <summary>Joins shards that together cover pairs 0..n−1 of a task exactly once, with the same functions.</summary>
    public static PairScores Merge(IEnumerable<PairScores> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        var ordered = shards.OrderBy(s => s.Start).ToList();
        if (ordered.Count == 0)
        {
            throw new ArgumentException("Nothing to merge: no shards.", nameof(shards));
        }

        var functions = ordered[0].Functions;
        var next = 0;
        foreach (var shard in ordered)
        {
            if (shard.Start != next)
            {
                throw new ArgumentException($"Shards must cover the task without gaps or overlaps: one starts at pair {shard.Start}, expected {next}.", nameof(shards));
            }

            if (!shard.Functions.SequenceEqual(functions))
            {
                throw new ArgumentException("Shards must hold the same similarity functions in the same order.", nameof(shards));
            }

            next += shard.Count;
        }

        var merged = functions.Select(f => new double[next]).ToArray();
        foreach (var shard in ordered)
        {
            for (var i = 0; i < functions.Count; i++)
            {
                shard._values[i].CopyTo(merged[i], shard.Start);
            }
        }

        return new PairScores(0, functions, merged);
    }
}
