using System.Numerics;
using System.Runtime.CompilerServices;
using Similarity.Grains.Kernels.Scanning;

namespace Similarity.Grains.Search;

/// <summary>
/// Per-query top-k over one corpus shard, exact in float64. The float32 tiles feed a bounded heap of
/// k + margin candidates; the candidates are rescored in float64 and ranked (score descending, lower id first).
/// The ranking is final when the error bound proves that no row outside the heap can beat the k-th; otherwise
/// (near-ties below float32 resolution) that query's shard is rescanned in float64.
/// </summary>
internal abstract class TopKWorker : TileWorker
{
    private readonly PreparedRows _queries;
    private readonly PreparedRows _corpus;
    private readonly int _topK;
    private readonly int _capacity;
    private readonly bool _excludeSelf;
    private readonly float[] _heapScores;
    private readonly int[] _heapIds;
    private readonly int[] _counts;
    private readonly float[] _thresholds;
    private readonly RankedHit[] _ranked;
    private readonly double[] _exactScores;
    private readonly int[] _exactIds;
    private int _queryStart;
    private int _queryCount;
    private int _shard;
    private int _corpusStart;
    private int _corpusEnd;

    protected TopKWorker(PreparedRows queries, PreparedRows corpus, int topK, bool excludeSelf, int panelRows, int shardRows)
    {
        _queries = queries;
        _corpus = corpus;
        _excludeSelf = excludeSelf;
        _topK = (int)Math.Min(topK, shardRows);
        _capacity = CandidateCapacity(topK, shardRows);
        _heapScores = new float[panelRows * _capacity];
        _heapIds = new int[panelRows * _capacity];
        _counts = new int[panelRows];
        _thresholds = new float[panelRows];
        _ranked = new RankedHit[_capacity];
        _exactScores = new double[_topK];
        _exactIds = new int[_topK];
    }

    /// <summary>How many queries needed a float64 rescan because float32 could not separate the k-th hit.</summary>
    public int ExactRescans { get; private set; }

    protected override void BeginBlock(int queryStart, int queryCount, int shard, int corpusStart, int corpusEnd)
    {
        _queryStart = queryStart;
        _shard = shard;
        _queryCount = queryCount;
        _corpusStart = corpusStart;
        _corpusEnd = corpusEnd;
        _counts.AsSpan(0, queryCount).Clear();
        _thresholds.AsSpan(0, queryCount).Fill(float.NegativeInfinity);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Consume(int row, int corpusStart, Span<float> scores)
    {
        if (_excludeSelf)
        {
            var self = _queryStart + row - corpusStart;
            if ((uint)self < (uint)scores.Length)
            {
                scores[self] = float.NegativeInfinity;
            }
        }

        var heapScores = _heapScores.AsSpan(row * _capacity, _capacity);
        var heapIds = _heapIds.AsSpan(row * _capacity, _capacity);
        ref var count = ref _counts[row];
        var threshold = _thresholds[row];
        var i = 0;

        // Corpus ids arrive in ascending order, so a later row only displaces the root when strictly better.
        if (Vector.IsHardwareAccelerated)
        {
            var bar = new Vector<float>(threshold);
            for (; i <= scores.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                if (!Vector.GreaterThanAny(new Vector<float>(scores[i..]), bar))
                {
                    continue;
                }

                for (var lane = i; lane < i + Vector<float>.Count; lane++)
                {
                    threshold = Offer(heapScores, heapIds, ref count, scores[lane], corpusStart + lane, threshold);
                }

                bar = new Vector<float>(threshold);
            }
        }

        for (; i < scores.Length; i++)
        {
            threshold = Offer(heapScores, heapIds, ref count, scores[i], corpusStart + i, threshold);
        }

        _thresholds[row] = threshold;
    }

    public override void EndBlock()
    {
        for (var row = 0; row < _queryCount; row++)
        {
            Finish(row);
        }
    }

    /// <summary>Receives the exact top hits of query <paramref name="query"/> within corpus shard <paramref name="shard"/>, best first.</summary>
    protected abstract void Deliver(int query, int shard, ReadOnlySpan<RankedHit> hits);

    /// <summary>Heap entries a query row keeps: k plus a margin that lets float32 near-ties settle without a rescan.</summary>
    public static int CandidateCapacity(int topK, int shardRows) => (int)Math.Min((long)topK + 8 + topK / 4, shardRows);

    /// <summary>Bytes of per-row state, to size panels.</summary>
    public static long BytesPerRow(int topK, int shardRows) => CandidateCapacity(topK, shardRows) * (long)(sizeof(float) + sizeof(int));

    private float Offer(Span<float> heapScores, Span<int> heapIds, ref int count, float score, int id, float threshold)
    {
        if (!(score > threshold))
        {
            return threshold;
        }

        BoundedHeap.Offer(heapScores, heapIds, ref count, score, id);
        return count == heapScores.Length ? heapScores[0] : threshold;
    }

    private void Finish(int row)
    {
        var query = _queryStart + row;
        var count = _counts[row];
        var heapScores = _heapScores.AsSpan(row * _capacity, count);
        var heapIds = _heapIds.AsSpan(row * _capacity, count);
        var selfInShard = _excludeSelf && query >= _corpusStart && query < _corpusEnd;
        var eligible = _corpusEnd - _corpusStart - (selfInShard ? 1 : 0);
        var keep = Math.Min(_topK, eligible);

        var ranked = _ranked.AsSpan(0, count);
        for (var t = 0; t < count; t++)
        {
            ranked[t] = new RankedHit(heapIds[t], _queries.PreciseScore(query, _corpus, heapIds[t]));
        }

        ranked.Sort();
        var settled = count == eligible
            || (count == _capacity && keep > 0 && keep <= count
                && _queries.ErrorBound(query, _corpus).Upper(heapScores[0]) < ranked[keep - 1].Score);
        if (!settled)
        {
            ExactRescans++;
            Rescan(query, keep);
        }

        Deliver(query, _shard, _ranked.AsSpan(0, keep));
    }

    private void Rescan(int query, int keep)
    {
        var scores = _exactScores.AsSpan(0, keep);
        var ids = _exactIds.AsSpan(0, keep);
        var count = 0;
        for (var id = _corpusStart; id < _corpusEnd; id++)
        {
            if (_excludeSelf && id == query)
            {
                continue;
            }

            BoundedHeap.Offer(scores, ids, ref count, _queries.PreciseScore(query, _corpus, id), id);
        }

        var ranked = _ranked.AsSpan(0, count);
        for (var t = 0; t < count; t++)
        {
            ranked[t] = new RankedHit(ids[t], scores[t]);
        }

        ranked.Sort();
    }
}
