using Similarity.Grains.Clustering;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Kernels.Scanning;

namespace Similarity.Grains.Corpora.Operations;

/// <summary>
/// Community detection from tiles: each row's neighbours at the threshold from every tile, ranked as one list, then
/// sentence-transformers' greedy extraction (<see cref="CommunityExtraction"/>), as <see cref="CommunityDetector"/> does in process.
/// </summary>
internal sealed class CommunityMerge(int rows, int minSize) : TileMerge(rows)
{
    public override void Complete(OperationState state)
    {
        var communities = CommunityExtraction.Extract(Lists, Math.Min(minSize, Lists.Length));
        state.Communities = [.. communities.Select(c => new CorpusCommunity(c.Centre, [.. c.Members.Select(m => (long)m)]))];
    }

    protected override RankedHit[] Merge(RankedHit[]? current, RankedHit[] incoming) => Union(current, incoming);
}
