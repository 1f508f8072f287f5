using System.Text.Json;
using Similarity.Inference.Tensors;
using Similarity.TestSupport;

namespace Similarity.Cli.Tests;

/// <summary>A fixture model folder and its PyTorch reference (shared/fixtures/reference/models/&lt;model&gt;.json).</summary>
internal sealed class FixtureModel
{
    public const double Tolerance = 1e-4;
    private readonly JsonElement _root;

    private FixtureModel(string name)
    {
        Name = name;
        using var stream = File.OpenRead(SharedFolder.Fixture("reference", "models", name + ".json"));
        _root = JsonDocument.Parse(stream).RootElement.Clone();
    }

    public string Name { get; }

    public string Folder => SharedFolder.Model(Name);

    public IReadOnlyList<string> Sentences => _root.GetProperty("sentences").EnumerateArray().Select(e => e.GetString()!).ToArray();

    public IReadOnlyList<(string First, string Second)> Pairs =>
        _root.GetProperty("pairs").EnumerateArray().Select(p => (p[0].GetString()!, p[1].GetString()!)).ToArray();

    public static FixtureModel Load(string name) => new(name);

    /// <summary>One row per input: sentence_embeddings, softmax, ...</summary>
    public float[][] Rows(string key) =>
        _root.GetProperty(key).EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetSingle()).ToArray()).ToArray();

    /// <summary>Indices of the sentences a line-based input can carry (no line breaks inside).</summary>
    public int[] SingleLineSentences() =>
        Enumerable.Range(0, Sentences.Count).Where(i => !Sentences[i].Contains('\n') && !Sentences[i].Contains('\r')).ToArray();

    public static void AssertClose(IReadOnlyList<float> expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Count, actual.Length);
        for (var i = 0; i < actual.Length; i++)
        {
            Assert.InRange(Math.Abs(actual[i] - expected[i]), 0, Tolerance);
        }
    }

    /// <summary>As many rows as expected, each within <see cref="Tolerance"/> of its expected row.</summary>
    public static void AssertRowsClose(IReadOnlyList<float[]> expected, IReadOnlyList<float[]> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var row = 0; row < actual.Count; row++)
        {
            AssertClose(expected[row], actual[row]);
        }
    }

    /// <summary>As many rows as expected, each within <see cref="Tolerance"/> of its expected row.</summary>
    public static void AssertRowsClose(IReadOnlyList<float[]> expected, EmbeddingMatrix actual)
    {
        Assert.Equal(expected.Count, actual.Rows);
        for (var row = 0; row < actual.Rows; row++)
        {
            AssertClose(expected[row], actual.Row(row));
        }
    }
}
