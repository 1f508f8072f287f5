using Similarity.Grains.Contracts.Corpora.Operations;

namespace Similarity.Grains.Corpora.Operations;

/// <summary>
/// Merges the shards' exact top-k lists of each query into the corpus's: every shard's list is its exact best, so the
/// best k of their union, ranked by score then lower row id, are the corpus's best k, as in-process search ranks them.
/// </summary>
internal static class HitMerge
{
    public static CorpusHit[][] Merge(int queries, IReadOnlyList<NeighbourLists> shards, int topK)
    {
        var candidates = new List<CorpusHit>[queries];
        foreach (var shard in shards)
        {
            for (var i = 0; i < shard.Count; i++)
            {
                var list = candidates[(int)shard.Rows[i]] ??= [];
                var range = shard.List(i);
                for (var at = range.Start.Value; at < range.End.Value; at++)
                {
                    list.Add(new CorpusHit(shard.Ids[at], shard.Scores[at]));
                }
            }
        }

        var hits = new CorpusHit[queries][];
        for (var q = 0; q < queries; q++)
        {
            var list = candidates[q];
            if (list is null)
            {
                hits[q] = [];
                continue;
            }

            list.Sort(Ranking);
            hits[q] = [.. list.Take(topK)];
        }

        return hits;
    }

    /// <summary>Higher score first, ties to the lower row id.</summary>
    public static int Ranking(CorpusHit a, CorpusHit b)
    {
        var byScore = b.Score.CompareTo(a.Score);
        return byScore != 0 ? byScore : a.Row.CompareTo(b.Row);
    }
}
