using System.Text.Json;
using Similarity.Grains.Kernels;
using Similarity.TestSupport;

namespace Similarity.Grains.Tests.Metrics;

/// <summary>
/// The metric references in shared/fixtures/metrics (numpy float64, scipy.stats, sklearn.metrics; see manifest.json):
/// sts.json (gold, scores per function, pearson/spearman), pairs.json (labels, scores, binary metrics), fisher_z.json.
/// </summary>
internal static class MetricFixture
{
    private static readonly Lazy<ScoredCase> StsCase = new(() => LoadScored("sts.json", "gold"));
    private static readonly Lazy<ScoredCase> PairsCase = new(() => LoadScored("pairs.json", "labels"));
    private static readonly Lazy<(double[] Correlations, double Expected)> FisherCase = new(LoadFisherZ);

    public static ScoredCase Sts => StsCase.Value;

    public static ScoredCase Pairs => PairsCase.Value;

    public static (double[] Correlations, double Expected) FisherZ => FisherCase.Value;

    public static IEnumerable<object[]> Functions => SimilarityFunctionNames.All.Select(f => new object[] { f.Name() });

    public static string Path(string file) => SharedFolder.Fixture("metrics", file);

    /// <summary>Asserts agreement to 1e-6 relative, the tolerance the fixtures are specified with.</summary>
    public static void AssertClose(double expected, double actual, string what)
    {
        var tolerance = 1e-6 * Math.Max(Math.Abs(expected), 1e-12);
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R}");
    }

    private static ScoredCase LoadScored(string file, string goldKey)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path(file)));
        var root = document.RootElement;
        var gold = root.GetProperty(goldKey).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var scores = root.GetProperty("scores").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetDouble()).ToArray());
        var expected = root.GetProperty("expected").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        return new ScoredCase(gold, scores, expected);
    }

    private static (double[], double) LoadFisherZ()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path("fisher_z.json")));
        var root = document.RootElement;
        return (root.GetProperty("correlations").EnumerateArray().Select(e => e.GetDouble()).ToArray(), root.GetProperty("expected").GetDouble());
    }

    internal sealed record ScoredCase(double[] Gold, Dictionary<string, double[]> Scores, Dictionary<string, double> Expected)
    {
        public int[] Labels => Gold.Select(g => (int)g).ToArray();
    }
}
