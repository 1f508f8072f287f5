using Similarity.Grains.Kernels;
using Similarity.Grains.Kernels.Scanning;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Search;

/// <summary>
/// Paraphrase mining, as sentence-transformers' <c>util.paraphrase_mining_embeddings</c>: every row's top-k other rows
/// give candidate pairs (i &lt; j, self excluded, each pair once); the best <c>maxPairs</c> by score are returned,
/// best first (ties: lower i, then lower j). Scores are float64-exact; the N×N matrix is never held.
/// </summary>
public static class ParaphraseMiner
{
    public const int DefaultTopK = 100;

    public const int DefaultMaxPairs = 500_000;

    public static ParaphrasePair[] Mine(
        EmbeddingMatrix embeddings,
        int topK = DefaultTopK,
        int maxPairs = DefaultMaxPairs,
        SimilarityFunction function = SimilarityFunction.Cosine,
        KernelOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPairs, 1);
        options ??= KernelOptions.Default;
        options.Validate();

        options = options.WithPanelBudget(TopKWorker.BytesPerRow(topK, embeddings.Rows));
        using var rows = new PreparedRows(embeddings, function, "embeddings", options);
        var selections = new List<PairSelection>();
        TileScanner.Run(
            rows,
            rows,
            options,
            corpusShards: 1,
            () => new MiningWorker(rows, topK, maxPairs, options.PanelRows(embeddings.Columns)),
            worker =>
            {
                lock (selections)
                {
                    selections.Add(worker.Selection);
                }
            },
            cancellationToken);

        // Each worker kept its best unique pairs; the best overall are among them.
        return Best(selections.SelectMany(s => s.Pairs()), maxPairs);
    }

    /// <summary>
    /// The best <paramref name="maxPairs"/> of <paramref name="pairs"/> (score descending, then lower first, then lower
    /// second), each pair once: a pair offered twice (e.g. from two workers or two tiles) carries the same score, so the
    /// copies sit side by side once sorted.
    /// </summary>
    internal static ParaphrasePair[] Best(IEnumerable<ParaphrasePair> pairs, int maxPairs)
    {
        var all = pairs.ToList();
        all.Sort(static (a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            return byScore != 0 ? byScore : a.First != b.First ? a.First.CompareTo(b.First) : a.Second.CompareTo(b.Second);
        });

        var result = new List<ParaphrasePair>(Math.Min(maxPairs, all.Count));
        for (var i = 0; i < all.Count && result.Count < maxPairs; i++)
        {
            if (result.Count == 0 || result[^1].First != all[i].First || result[^1].Second != all[i].Second)
            {
                result.Add(all[i]);
            }
        }

        return [.. result];
    }

    private sealed class MiningWorker(PreparedRows rows, int topK, int maxPairs, int panelRows)
        : TopKWorker(rows, rows, topK, excludeSelf: true, panelRows, rows.Count)
    {
        public PairSelection Selection { get; } = new(maxPairs);

        protected override void Deliver(int query, int shard, ReadOnlySpan<RankedHit> hits)
        {
            foreach (var hit in hits)
            {
                Selection.Offer(hit.Score, Math.Min(query, hit.Id), Math.Max(query, hit.Id));
            }
        }
    }
}
