using Similarity.Grains.Kernels.Scanning;

namespace Similarity.Grains.Search;

/// <summary>
/// The best <c>capacity</c> unique pairs offered so far, ranked by score, then first id, then second id.
/// A pair offered twice (once from each row) keeps one slot; storage grows with the pairs kept, not with capacity.
/// </summary>
internal sealed class PairSelection(int capacity)
{
    private readonly HashSet<long> _members = [];
    private double[] _scores = new double[Math.Min(capacity, 1024)];
    private long[] _keys = new long[Math.Min(capacity, 1024)];
    private int _count;

    public int Count => _count;

    public void Offer(double score, int first, int second)
    {
        var key = ((long)first << 32) | (uint)second;
        if (_members.Contains(key))
        {
            return;
        }

        if (_count == _scores.Length && _scores.Length < capacity)
        {
            var size = (int)Math.Min((long)_scores.Length * 2, capacity);
            Array.Resize(ref _scores, size);
            Array.Resize(ref _keys, size);
        }

        if (_count == _scores.Length)
        {
            // Full: the new pair must beat the worst kept pair, which then leaves.
            if (_count == 0 || !BoundedHeap.IsWorse(_scores[0], _keys[0], score, key))
            {
                return;
            }

            _members.Remove(_keys[0]);
        }

        BoundedHeap.Offer(_scores.AsSpan(), _keys.AsSpan(), ref _count, score, key);
        _members.Add(key);
    }

    /// <summary>The kept pairs, in no particular order.</summary>
    public IEnumerable<ParaphrasePair> Pairs()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return new ParaphrasePair((int)(_keys[i] >> 32), (int)(uint)_keys[i], _scores[i]);
        }
    }
}
