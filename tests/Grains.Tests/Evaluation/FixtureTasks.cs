using Similarity.Grains.Datasets;
using Similarity.Grains.Tests.Metrics;

namespace Similarity.Grains.Tests.Evaluation;

/// <summary>The metric fixtures as evaluation tasks whose sentences are the row names <see cref="FixedRowEncoder"/> knows.</summary>
internal static class FixtureTasks
{
    public static SimilarityTask Sts()
    {
        var gold = MetricFixture.Sts.Gold;
        return new SimilarityTask("sts", Names("a", gold.Length), Names("b", gold.Length), gold);
    }

    public static ClassificationTask Pairs()
    {
        var labels = MetricFixture.Pairs.Labels;
        return new ClassificationTask("pairs", Names("a", labels.Length), Names("b", labels.Length), labels);
    }

    public static string[] Names(string prefix, int count) => Enumerable.Range(0, count).Select(i => $"{prefix}{i}").ToArray();

    /// <summary>Index of a fixture row from its sentence name (<c>"a17"</c> → 17).</summary>
    public static int Row(string name) => int.Parse(name.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
}
