using Similarity.Grains.Kernels;
using Similarity.Grains.Tests.Kernels;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Tests.Search;

/// <summary>Search and mining as their definitions read: score everything in float64, sort, cut.</summary>
public static class NaiveSearch
{
    public static (int Id, double Score)[][] TopK(EmbeddingMatrix queries, EmbeddingMatrix corpus, int topK, SimilarityFunction function)
    {
        var scores = NaiveScores.AllPairs(function, queries, corpus);
        return Enumerable.Range(0, queries.Rows)
            .Select(q => Enumerable.Range(0, corpus.Rows)
                .Select(j => (Id: j, Score: scores[q, j]))
                .OrderByDescending(h => h.Score).ThenBy(h => h.Id)
                .Take(topK)
                .ToArray())
            .ToArray();
    }

    public static (int First, int Second, double Score)[] Mine(EmbeddingMatrix rows, int topK, int maxPairs, SimilarityFunction function)
    {
        var scores = NaiveScores.AllPairs(function, rows, rows);
        var pairs = new HashSet<(int, int)>();
        for (var i = 0; i < rows.Rows; i++)
        {
            var best = Enumerable.Range(0, rows.Rows).Where(j => j != i)
                .OrderByDescending(j => scores[i, j]).ThenBy(j => j)
                .Take(topK);
            foreach (var j in best)
            {
                pairs.Add((Math.Min(i, j), Math.Max(i, j)));
            }
        }

        return pairs.Select(p => (p.Item1, p.Item2, scores[p.Item1, p.Item2]))
            .OrderByDescending(p => p.Item3).ThenBy(p => p.Item1).ThenBy(p => p.Item2)
            .Take(maxPairs)
            .ToArray();
    }

    public static void AssertSameScore(double expected, double actual, string what)
    {
        var allowed = 1e-12 * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= allowed, $"{what}: expected {expected:R}, got {actual:R}");
    }
}
