using System.Numerics;
using System.Runtime.CompilerServices;
using Similarity.Grains.Kernels;
using Similarity.Grains.Kernels.Scanning;

namespace Similarity.Grains.Clustering;

/// <summary>
/// Each left row's neighbours among the right rows with float64 cosine ≥ a threshold, ranked (score descending, lower
/// id first): float32 tiles pick candidates within their error bound of the threshold, float64 decides. The neighbour
/// lists community detection starts from, for one matrix or for one tile (shard × shard) of a distributed corpus.
/// </summary>
/// <remarks>
/// The float64 cosine is symmetric to the bit (products of widened floats summed in a fixed order, norms multiplied),
/// so one pass over left × right also gives every right row's list (<see cref="ScanBoth"/>): every pair at the
/// threshold has a kernel score above the lowered bar whichever side it is scanned from, so the pairs are the same.
/// </remarks>
internal static class ThresholdNeighbours
{
    /// <summary>
    /// The lists of every row of <paramref name="left"/> (cosine rows); null for a row with fewer than
    /// <paramref name="minSize"/> neighbours.
    /// </summary>
    public static RankedHit[]?[] Scan(
        PreparedRows left, PreparedRows right, double threshold, int minSize, KernelOptions options, CancellationToken cancellationToken)
    {
        var lists = new RankedHit[]?[left.Count];
        TileScanner.Run(
            left,
            right,
            options,
            corpusShards: 1,
            () => new ThresholdWorker(left, right, threshold, minSize, options.PanelRows(left.Dimensions), lists, collectReverse: false),
            finishWorker: null,
            cancellationToken);
        return lists;
    }

    /// <summary>
    /// Every row's complete list on both sides from one pass over left × right (half the work of two scans): the left
    /// rows' lists among the right rows and the right rows' among the left rows, as <see cref="Scan"/> would give each
    /// with <c>minSize</c> 1 (null for a row with no neighbour).
    /// </summary>
    public static (RankedHit[]?[] Left, RankedHit[]?[] Right) ScanBoth(
        PreparedRows left, PreparedRows right, double threshold, KernelOptions options, CancellationToken cancellationToken)
    {
        var lists = new RankedHit[]?[left.Count];
        var reversed = new List<List<ReverseHit>>();
        TileScanner.Run(
            left,
            right,
            options,
            corpusShards: 1,
            () => new ThresholdWorker(left, right, threshold, 1, options.PanelRows(left.Dimensions), lists, collectReverse: true),
            worker =>
            {
                lock (reversed)
                {
                    reversed.Add(worker.Reverse!);
                }
            },
            cancellationToken);
        return (lists, Gather(reversed, right.Count));
    }

    /// <summary>The right rows' lists from the pairs the workers kept: counted, filled, each ranked.</summary>
    private static RankedHit[]?[] Gather(List<List<ReverseHit>> reversed, int rows)
    {
        var counts = new int[rows];
        foreach (var hits in reversed)
        {
            foreach (var hit in hits)
            {
                counts[hit.Row]++;
            }
        }

        var lists = new RankedHit[]?[rows];
        for (var row = 0; row < rows; row++)
        {
            lists[row] = counts[row] == 0 ? null : new RankedHit[counts[row]];
            counts[row] = 0;
        }

        foreach (var hits in reversed)
        {
            foreach (var hit in hits)
            {
                lists[hit.Row]![counts[hit.Row]++] = hit.Neighbour;
            }
        }

        foreach (var list in lists)
        {
            if (list is not null)
            {
                Array.Sort(list);
            }
        }

        return lists;
    }

    /// <summary>A pair kept from the left side, listed for right row <see cref="Row"/>: its left neighbour and their score.</summary>
    private readonly record struct ReverseHit(int Row, RankedHit Neighbour);

    /// <summary>Collects each row's candidates above the lowered float32 bar, then decides them in float64.</summary>
    private sealed class ThresholdWorker : TileWorker
    {
        private readonly PreparedRows _left;
        private readonly PreparedRows _right;
        private readonly double _threshold;
        private readonly float _bar;
        private readonly int _minSize;
        private readonly RankedHit[]?[] _lists;
        private readonly int[][] _candidates;
        private readonly int[] _counts;
        private RankedHit[] _ranked = new RankedHit[64];
        private int _queryStart;
        private int _queryCount;

        public ThresholdWorker(PreparedRows left, PreparedRows right, double threshold, int minSize, int panelRows, RankedHit[]?[] lists, bool collectReverse)
        {
            Reverse = collectReverse ? [] : null;
            _left = left;
            _right = right;
            _threshold = threshold;
            _minSize = minSize;
            _lists = lists;
            _candidates = new int[panelRows][];
            for (var i = 0; i < panelRows; i++)
            {
                _candidates[i] = new int[64];
            }

            _counts = new int[panelRows];

            // Every row whose float64 cosine can reach the threshold has a kernel score at or above this bar.
            var bound = ScoreErrorBound.For(SimilarityFunction.Cosine, left.Dimensions, 1, 1);
            var bar = (float)(threshold - 2 * (bound.Absolute + bound.Relative * Math.Abs(threshold)));
            _bar = MathF.BitDecrement(bar);
        }

        /// <summary>With <c>collectReverse</c>: every pair this worker kept, as the right row's neighbour.</summary>
        public List<ReverseHit>? Reverse { get; }

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
                    var score = _left.PreciseScore(query, _right, id);
                    if (score >= _threshold)
                    {
                        _ranked[kept++] = new RankedHit(id, score);
                        Reverse?.Add(new ReverseHit(id, new RankedHit(query, score)));
                    }
                }

                if (kept < _minSize)
                {
                    continue;
                }

                var ranked = _ranked.AsSpan(0, kept);
                ranked.Sort();
                _lists[query] = ranked.ToArray();
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
