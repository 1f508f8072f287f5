using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Kernels.Scanning;
using Similarity.Grains.Search;

namespace Similarity.Grains.Corpora.Operations;

/// <summary>
/// Paraphrase mining from tiles: each row keeps its best k over all tiles (each tile's list is exact, so the best k
/// of their union are the row's best k in the corpus); the pairs they make are ranked as <see cref="ParaphraseMiner"/> ranks them.
/// </summary>
internal sealed class MiningMerge(int rows, int topK, int maxPairs) : TileMerge(rows)
{
    public override void Complete(OperationState state)
    {
        var selection = new PairSelection(maxPairs);
        for (var row = 0; row < Lists.Length; row++)
        {
            foreach (var hit in Lists[row] ?? [])
            {
                selection.Offer(hit.Score, Math.Min(row, hit.Id), Math.Max(row, hit.Id));
            }
        }

        state.Pairs = [.. ParaphraseMiner.Best(selection.Pairs(), maxPairs).Select(p => new CorpusPair(p.First, p.Second, p.Score))];
    }

    protected override RankedHit[] Merge(RankedHit[]? current, RankedHit[] incoming)
    {
        var all = Union(current, incoming);
        return all.Length <= topK ? all : all[..topK];
    }
}
