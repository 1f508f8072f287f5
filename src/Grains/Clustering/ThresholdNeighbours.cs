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
/// Rows against themselves need only the upper triangle (<see cref="ScanTriangle"/>) for the same reason.
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
            () => new ThresholdWorker(left, right, threshold, minSize, options.PanelRows(left.Dimensions), lists, ScanShape.LeftOnly),
            finishWorker: null,
            cancellationToken);
        return lists;
    }

    /// <summary>
    /// The lists of <paramref name="rows"/> against themselves, as <see cref="Scan"/>(rows, rows) gives them, from about half
    /// the work: each pair (i, j), j ≥ i, is scored once and listed for both rows.
    /// </summary>
    public static RankedHit[]?[] ScanTriangle(PreparedRows rows, double threshold, int minSize, KernelOptions options, CancellationToken cancellationToken)
    {
        var (lists, reversed) = ScanReversing(rows, rows, threshold, ScanShape.Triangle, options, cancellationToken);
        return Gather(reversed, lists, minSize);
    }

    /// <summary>
    /// Every row's complete list on both sides from one pass over left × right (half the work of two scans): the left
    /// rows' lists among the right rows and the right rows' among the left rows, as <see cref="Scan"/> would give each
    /// with <c>minSize</c> 1 (null for a row with no neighbour).
    /// </summary>
    public static (RankedHit[]?[] Left, RankedHit[]?[] Right) ScanBoth(
        PreparedRows left, PreparedRows right, double threshold, KernelOptions options, CancellationToken cancellationToken)
    {
        var (lists, reversed) = ScanReversing(left, right, threshold, ScanShape.BothSides, options, cancellationToken);
        return (lists, Gather(reversed, new RankedHit[]?[right.Count], minSize: 1));
    }

    /// <summary>One pass that lists the left rows (every list with a neighbour) and keeps each pair for its right row too.</summary>
    private static (RankedHit[]?[] Lists, List<List<ReverseHit>> Reversed) ScanReversing(
        PreparedRows left, PreparedRows right, double threshold, ScanShape shape, KernelOptions options, CancellationToken cancellationToken)
    {
        var lists = new RankedHit[]?[left.Count];
        var reversed = new List<List<ReverseHit>>();
        TileScanner.Run(
            left,
            right,
            options,
            corpusShards: 1,
            () => new ThresholdWorker(left, right, threshold, 1, options.PanelRows(left.Dimensions), lists, shape),
            worker =>
            {
                lock (reversed)
                {
                    reversed.Add(worker.Reverse!);
                }
            },
            cancellationToken,
            upperTriangle: shape == ScanShape.Triangle);
        return (lists, reversed);
    }

    /// <summary>
    /// Adds the pairs the workers kept to the lists of their right rows (<paramref name="lists"/>, completed in place), then
    /// ranks each list; a list shorter than <paramref name="minSize"/> becomes null.
    /// </summary>
    private static RankedHit[]?[] Gather(List<List<ReverseHit>> reversed, RankedHit[]?[] lists, int minSize)
    {
        var counts = new int[lists.Length];
        foreach (var hits in reversed)
        {
            foreach (var hit in hits)
            {
                counts[hit.Row]++;
            }
        }

        for (var row = 0; row < lists.Length; row++)
        {
            var own = lists[row]?.Length ?? 0;
            if (counts[row] > 0)
            {
                var list = new RankedHit[own + counts[row]];
                lists[row]?.CopyTo(list, 0);
                lists[row] = list;
            }

            counts[row] = own;
        }

        foreach (var hits in reversed)
        {
            foreach (var hit in hits)
            {
                lists[hit.Row]![counts[hit.Row]++] = hit.Neighbour;
            }
        }

        for (var row = 0; row < lists.Length; row++)
        {
            if (lists[row] is not { } list)
            {
                continue;
            }

            if (list.Length < minSize)
            {
                lists[row] = null;
                continue;
            }

            Array.Sort(list);
        }

        return lists;
    }

    /// <summary>What one scan lists: the left rows only, both sides of two sets of rows, or both sides of a triangle of one set.</summary>
    private enum ScanShape
    {
        LeftOnly,
        BothSides,
        Triangle,
    }

    /// <summary>A pair kept from the left side, listed for right row <see cref="Row"/>: its left neighbour and their score.</summary>
    private readonly record struct ReverseHit(int Row, RankedHit Neighbour);

    /// <summary>Collects each row's candidates above the lowered float32 bar, then decides them in float64.</summary>
    private sealed class ThresholdWorker : TileWorker
    {
        private readonly PreparedRows _left;
        private readonly PreparedRows _right;
        private readonly ScanShape _shape;
        private readonly double _threshold;
        private readonly float _bar;
        private readonly int _minSize;
        private readonly RankedHit[]?[] _lists;
        private readonly int[][] _candidates;
        private readonly int[] _counts;
        private RankedHit[] _ranked = new RankedHit[64];
        private int _queryStart;
        private int _queryCount;

        public ThresholdWorker(PreparedRows left, PreparedRows right, double threshold, int minSize, int panelRows, RankedHit[]?[] lists, ScanShape shape)
        {
            Reverse = shape == ScanShape.LeftOnly ? null : [];
            _shape = shape;
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

        /// <summary>Unless the scan lists the left rows only: every pair this worker kept, as the right row's neighbour (a triangle's self pairs once).</summary>
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
            // A triangle's panel starts its corpus rows at its own first row: pairs below the diagonal are its earlier rows' to list.
            var below = _queryStart + row - corpusStart;
            if (_shape == ScanShape.Triangle && below > 0)
            {
                scores[..Math.Min(below, scores.Length)].Fill(float.NegativeInfinity);
            }

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
                        if (_shape == ScanShape.BothSides || (_shape == ScanShape.Triangle && id != query))
                        {
                            Reverse!.Add(new ReverseHit(id, new RankedHit(query, score)));
                        }
                    }
                }

                if (kept < _minSize)
                {
                    continue;
                }

                // Lists the reversed pairs complete are ranked once they are whole.
                var ranked = _ranked.AsSpan(0, kept);
                if (_shape != ScanShape.Triangle)
                {
                    ranked.Sort();
                }

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
