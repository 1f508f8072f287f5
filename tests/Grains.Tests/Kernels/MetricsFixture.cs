using System.Text.Json;
using Similarity.Inference.Tensors;
using Similarity.TestSupport;

namespace Similarity.Grains.Tests.Kernels;

/// <summary>Reads the numpy/scipy references in <c>shared/fixtures/metrics</c> (see its manifest.json).</summary>
public static class MetricsFixture
{
    public static EmbeddingMatrix Matrix(string name) => NpyFormat.Read(SharedFolder.Fixture("metrics", name));

    public static JsonElement Json(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedFolder.Fixture("metrics", name)));
        return document.RootElement.Clone();
    }

    /// <summary>|actual − expected| ≤ 1e-6 · max(|expected|, 1e-6).</summary>
    public static void AssertRelative(double expected, double actual, double tolerance = 1e-6, string? what = null)
    {
        var allowed = tolerance * Math.Max(Math.Abs(expected), 1e-6);
        Assert.True(Math.Abs(actual - expected) <= allowed, $"{what}: expected {expected:R}, got {actual:R} (allowed ±{allowed:G3})");
    }
}
