using Similarity.Grains.Kernels;
using Similarity.Grains.Tests.Kernels;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Tests.Clustering;

/// <summary>Community detection exactly as its definition reads, in float64 over the full score matrix.</summary>
public static class NaiveCommunities
{
    public static List<int[]> Detect(EmbeddingMatrix rows, double threshold, int minSize)
    {
        minSize = Math.Min(minSize, rows.Rows);
        var scores = NaiveScores.AllPairs(SimilarityFunction.Cosine, rows, rows);
        var extracted = new List<int[]>();
        for (var i = 0; i < rows.Rows; i++)
        {
            var members = Enumerable.Range(0, rows.Rows).Where(j => scores[i, j] >= threshold)
                .OrderByDescending(j => scores[i, j]).ThenBy(j => j).ToArray();
            if (members.Length >= minSize)
            {
                extracted.Add(members);
            }
        }

        var taken = new HashSet<int>();
        var unique = new List<int[]>();
        foreach (var community in extracted.OrderByDescending(c => c.Length))
        {
            var rest = community.Where(x => !taken.Contains(x)).ToArray();
            if (rest.Length >= minSize)
            {
                unique.Add(rest);
                taken.UnionWith(rest);
            }
        }

        return [.. unique.OrderByDescending(c => c.Length)];
    }
}
