using System.Numerics;
using System.Runtime.CompilerServices;
using Similarity.Grains.Kernels;
using Similarity.Grains.Kernels.Scanning;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Clustering;

/// <summary>
/// Fast community detection, as sentence-transformers' <c>util.community_detection</c>: a row's community is every
/// row with cosine ≥ threshold (itself included), ordered by descending similarity, ties to the lower id; rows with at
/// least <c>minCommunitySize</c> members are candidates; candidates are taken largest first (ties: lower row), each
/// dropping members already taken, and kept while still ≥ the minimum size; the result is sorted by size (stable).
/// Cosine is float64-exact: float32 tiles only pick candidates within their error bound of the threshold.
/// </summary>
public static class CommunityDetector
{
    public const double DefaultThreshold = 0.75;

    public const int DefaultMinCommunitySize = 10;

    /// <param name="minCommunitySize">Clamped to the number of rows, as sentence-transformers does.</param>
    public static Community[] Detect(
        EmbeddingMatrix embeddings,
        double threshold = DefaultThreshold,
        int minCommunitySize = DefaultMinCommunitySize,
        KernelOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        if (!double.IsFinite(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be a finite number.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(minCommunitySize, 1);
        options ??= KernelOptions.Default;
        options.Validate();
        if (embeddings.Rows == 0)
        {
            return [];
        }

        var minSize = Math.Min(minCommunitySize, embeddings.Rows);
        using var rows = new PreparedRows(embeddings, SimilarityFunction.Cosine, "embeddings", options);
        var candidates = new int[embeddings.Rows][];
        TileScanner.Run(
            rows,
            rows,
            options,
            corpusShards: 1,
            () => new ThresholdWorker(rows, threshold, minSize, options.PanelRows(embeddings.Columns), candidates),
            finishWorker: null,
            cancellationToken);

        // Largest first; OrderByDescending is stable, so equal sizes keep row order.
        var extracted = candidates.Where(c => c is not null).OrderByDescending(c => c.Length);
        var taken = new bool[embeddings.Rows];
        var unique = new List<int[]>();
        var remaining = new List<int>();
        foreach (var community in extracted)
        {
            remaining.Clear();
            foreach (var member in community)
            {
                if (!taken[member])
                {
                    remaining.Add(member);
                }
            }

            if (remaining.Count >= minSize)
            {
                foreach (var member in remaining)
                {
                    taken[member] = true;
                }

                unique.Add([.. remaining]);
            }
        }

        return [.. unique.OrderByDescending(c => c.Length).Select(c => new Community(c[0], c))];
    }

    /// <summary>Collects each row's candidates above the lowered float32 bar, then decides them in float64.</summary>
    private sealed class ThresholdWorker : TileWorker
    {
        private readonly PreparedRows _rows;
        private readonly double _threshold;
        private readonly float _bar;
        private readonly int _minSize;
        private readonly int[][] _communities;
        private readonly int[][] _candidates;
        private readonly int[] _counts;
        private RankedHit[] _ranked = new RankedHit[64];
        private int _queryStart;
        private int _queryCount;

        public ThresholdWorker(PreparedRows rows, double threshold, int minSize, int panelRows, int[][] communities)
        {
            _rows = rows;
            _threshold = threshold;
            _minSize = minSize;
            _communities = communities;
            _candidates = new int[panelRows][];
            for (var i = 0; i < panelRows; i++)
            {
                _candidates[i] = new int[64];
            }

            _counts = new int[panelRows];

            // Every row whose float64 cosine can reach the threshold has a kernel score at or above this bar.
            var bound = ScoreErrorBound.For(SimilarityFunction.Cosine, rows.Dimensions, 1, 1);
            var bar = (float)(threshold - 2 * (bound.Absolute + bound.Relative * Math.Abs(threshold)));
            _bar = MathF.BitDecrement(bar);
        }

        protected override void BeginBlock(int queryStart, int queryCount, int shard, int corpusStart, int corpusEnd)
        {
            _queryStart = queryStart;
            _queryCount = queryCount;
            _counts.AsSpan(0, queryCount).Clear();
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public override void Consume(int row, int corpusStart, Span<float> scores)
        {
            var i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var bar = new Vector<float>(_bar);
                for (; i <= scores.Length - Vector<float>.Count; i += Vector<float>.Count)
                {
                    if (!Vector.GreaterThanOrEqualAny(new Vector<float>(scores[i..]), bar))
                    {
                        continue;
                    }

                    for (var lane = i; lane < i + Vector<float>.Count; lane++)
                    {
                        if (scores[lane] >= _bar)
                        {
                            Add(row, corpusStart + lane);
                        }
                    }
                }
            }

            for (; i < scores.Length; i++)
            {
                if (scores[i] >= _bar)
                {
                    Add(row, corpusStart + i);
                }
            }
        }

        public override void EndBlock()
        {
            for (var row = 0; row < _queryCount; row++)
            {
                if (_counts[row] < _minSize)
                {
                    continue;
                }

                var query = _queryStart + row;
                if (_ranked.Length < _counts[row])
                {
                    _ranked = new RankedHit[_counts[row]];
                }

                var kept = 0;
                foreach (var id in _candidates[row].AsSpan(0, _counts[row]))
                {
                    var score = _rows.PreciseScore(query, _rows, id);
                    if (score >= _threshold)
                    {
                        _ranked[kept++] = new RankedHit(id, score);
                    }
                }

                if (kept < _minSize)
                {
                    continue;
                }

                var ranked = _ranked.AsSpan(0, kept);
                ranked.Sort();
                var members = new int[kept];
                for (var i = 0; i < kept; i++)
                {
                    members[i] = ranked[i].Id;
                }

                _communities[query] = members;
            }
        }

        private void Add(int row, int id)
        {
            ref var list = ref _candidates[row];
            if (_counts[row] == list.Length)
            {
                Array.Resize(ref list, list.Length * 2);
            }

            list[_counts[row]++] = id;
        }
    }
}
