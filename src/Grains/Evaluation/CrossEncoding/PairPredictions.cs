using Similarity.Inference.Tensors;

namespace Similarity.Grains.Evaluation.CrossEncoding;

/// <summary>
/// A cross-encoder's probabilities for a contiguous range of a task's pairs (one row per pair, one column per label).
/// Shards from several workers are merged before the metrics.
/// </summary>
public sealed class PairPredictions
{
    public PairPredictions(int start, EmbeddingMatrix probabilities)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentNullException.ThrowIfNull(probabilities);
        Start = start;
        Probabilities = probabilities;
    }

    /// <summary>Index of the first pair in the task.</summary>
    public int Start { get; }

    public int Count => Probabilities.Rows;

    public int LabelCount => Probabilities.Columns;

    public EmbeddingMatrix Probabilities { get; }

    /// <summary>Joins shards that together cover pairs 0..n−1 exactly once, all with the same label count.</summary>
    public static PairPredictions Merge(IEnumerable<PairPredictions> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        var ordered = shards.OrderBy(s => s.Start).ToList();
        if (ordered.Count == 0)
        {
            throw new ArgumentException("Nothing to merge: no shards.", nameof(shards));
        }

        var labels = ordered[0].LabelCount;
        var next = 0;
        foreach (var shard in ordered)
        {
            if (shard.Start != next)
            {
                throw new ArgumentException($"Shards must cover the task without gaps or overlaps: one starts at pair {shard.Start}, expected {next}.", nameof(shards));
            }

            if (shard.LabelCount != labels)
            {
                throw new ArgumentException($"Shards disagree on the label count: {shard.LabelCount} and {labels}.", nameof(shards));
            }

            next += shard.Count;
        }

        var merged = new EmbeddingMatrix(next, labels);
        foreach (var shard in ordered)
        {
            shard.Probabilities.Data.CopyTo(merged.Data[(shard.Start * labels)..]);
        }

        return new PairPredictions(0, merged);
    }
}
