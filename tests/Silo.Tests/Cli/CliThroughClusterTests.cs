using System.Globalization;
using System.Text.Json;
using Similarity.Grains.Serving;
using Similarity.Inference.Tensors;
using Similarity.Silo.Tests.Doubles;
using Similarity.Silo.Tests.Servers;
using Similarity.TestSupport;

namespace Similarity.Silo.Tests.Cli;

/// <summary>
/// <c>simctl</c> run both ways, in process (<c>--model DIR</c>) and through a two-silo Orleans cluster on PostgreSQL
/// (<c>--cluster CONN --model NAME</c>): the outputs must agree. The silos serve the fixture folders under their folder
/// names, so reports name the model the same way on both sides.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CliThroughClusterTests(PostgresDatabases databases) : IAsyncLifetime, IDisposable
{
    private const string BiEncoder = "bert-mean";
    private const string CrossEncoder = "albert-cross-encoder";
    private readonly ScratchFolder _scratch = new();
    private PostgresSilos _silos = null!;

    private string[] Cluster => _silos.Arguments;

    public async Task InitializeAsync() => _silos = await PostgresSilos.StartAsync(
        await databases.CreateAsync(),
        2,
        new Dictionary<string, string> { [BiEncoder] = SharedFolder.Model(BiEncoder), [CrossEncoder] = SharedFolder.Model(CrossEncoder) });

    public async Task DisposeAsync() => await _silos.DisposeAsync();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Encode_through_the_cluster_prints_the_in_process_embeddings()
    {
        var input = _scratch.WriteLines("texts.txt", TestCorpus.Texts(700));

        var local = await Simctl.RunAsync("encode", "--model", SharedFolder.Model(BiEncoder), "--input", input);
        var remote = await Simctl.RunAsync(["encode", "--model", BiEncoder, "--input", input, .. Cluster]);

        Reference.AssertClose(JsonRows(local, "embedding"), JsonRows(remote, "embedding"));
        Assert.All([0, 1], silo => Assert.True(_silos.Service<ServedModels>(silo).Get(BiEncoder).Statistics!.Value.Texts > 0, $"silo {silo} encoded none of the texts"));
    }

    [Fact]
    public async Task Encode_to_npy_through_the_cluster_writes_the_in_process_matrix()
    {
        var input = _scratch.WriteLines("texts.txt", TestCorpus.Texts(300));
        var localPath = _scratch.File("local.npy");
        var remotePath = _scratch.File("remote.npy");

        CliAssert.Succeeded(await Simctl.RunAsync("encode", "--model", SharedFolder.Model(BiEncoder), "--input", input, "--format", "npy", "--output", localPath));
        CliAssert.Succeeded(await Simctl.RunAsync(["encode", "--model", BiEncoder, "--input", input, "--format", "npy", "--output", remotePath, .. Cluster]));

        Reference.AssertClose(NpyFormat.Read(localPath), NpyFormat.Read(remotePath));
    }

    [Fact]
    public async Task Predict_through_the_cluster_prints_the_in_process_scores()
    {
        var texts = TestCorpus.Texts(120);
        var input = _scratch.WriteLines("pairs.tsv", texts.Zip(texts.Reverse(), (a, b) => $"{a}\t{b}"));

        var local = await Simctl.RunAsync("predict", "--model", SharedFolder.Model(CrossEncoder), "--input", input);
        var remote = await Simctl.RunAsync(["predict", "--model", CrossEncoder, "--input", input, .. Cluster]);

        Reference.AssertClose(JsonRows(local, "scores"), JsonRows(remote, "scores"));
    }

    [Theory]
    [InlineData(BiEncoder, "stsb", "dev")]
    [InlineData(CrossEncoder, "mrpc", "train")]
    public async Task Eval_through_the_cluster_reports_the_in_process_metrics(string model, string suite, string split)
    {
        string[] args = ["eval", "--suite", suite, "--data", SharedFolder.Data, "--split", split];

        var local = await Simctl.RunAsync([.. args, "--model", SharedFolder.Model(model)]);
        var remote = await Simctl.RunAsync([.. args, "--model", model, .. Cluster]);

        CliAssert.Succeeded(local);
        CliAssert.Succeeded(remote);
        Assert.Equal(model, JsonDocument.Parse(remote.StandardOutput).RootElement.GetProperty("model").GetString());
        AssertSameNumbers(JsonDocument.Parse(local.StandardOutput).RootElement, JsonDocument.Parse(remote.StandardOutput).RootElement);
    }

    [Fact]
    public async Task Cluster_from_texts_through_the_cluster_finds_the_in_process_communities()
    {
        var texts = TestCorpus.Texts(240).Select(t => t[..t.IndexOf(" #", StringComparison.Ordinal)] + (t.Length % 3 == 0 ? "" : " again")).ToArray();
        var input = _scratch.WriteLines("questions.txt", texts);
        string[] args = ["cluster", "--input", input, "--threshold", "0.9", "--min-size", "5"];

        var local = await Simctl.RunAsync([.. args, "--model", SharedFolder.Model(BiEncoder)]);
        var remote = await Simctl.RunAsync([.. args, "--model", BiEncoder, .. Cluster]);

        CliAssert.Succeeded(local);
        CliAssert.Succeeded(remote);
        Assert.NotEmpty(local.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(local.StandardOutput, remote.StandardOutput);
        Assert.Equal((1L, 0L), await TemporaryCorpora.CountAsync(_silos.Connection, "cluster"));
        Assert.Equal(0, await TemporaryCorpora.BlocksAsync(_silos.Connection, "cluster"));
    }

    [Fact]
    public async Task A_model_the_cluster_does_not_serve_is_one_line_naming_it_and_the_cluster()
    {
        var result = await Simctl.RunWithInputAsync("text\n", ["encode", "--model", "absent", .. Cluster]);

        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("no live silo serves the model 'absent'", line);
        Assert.Contains($"cluster '{_silos.ClusterId}'", line);
    }

    [Fact]
    public async Task Encoding_with_a_served_cross_encoder_is_refused_naming_the_model()
    {
        var result = await Simctl.RunWithInputAsync("text\n", ["encode", "--model", CrossEncoder, .. Cluster]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"model '{CrossEncoder}' is a cross-encoder", Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task The_cluster_bench_reports_both_rates_their_ratio_and_identical_results()
    {
        var input = _scratch.WriteLines("sentences.txt", TestCorpus.Texts(500));

        var result = await Simctl.RunAsync(
            "bench", "cluster", "--model", SharedFolder.Model(BiEncoder), "--input", input, "--silos", "2",
            "--probes", "20", "--runs", "1", "--json");

        CliAssert.Succeeded(result);
        var figures = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.Equal((500, 2, 8), (figures.GetProperty("sentences").GetInt32(), figures.GetProperty("silos").GetInt32(), figures.GetProperty("requests").GetInt32()));
        foreach (var name in new[] { "in_process_sentences_per_second", "cluster_sentences_per_second", "ratio" })
        {
            var value = figures.GetProperty(name).GetDouble();
            Assert.True(double.IsFinite(value) && value > 0, $"{name} is {value}");
        }

        Assert.InRange(figures.GetProperty("max_abs_difference").GetDouble(), 0, Reference.Tolerance);
    }

    [Fact]
    public async Task The_cluster_bench_table_prints_the_ratio_of_the_rates_it_shows()
    {
        var input = _scratch.WriteLines("sentences.txt", TestCorpus.Texts(500));

        var result = await Simctl.RunAsync(
            "bench", "cluster", "--model", SharedFolder.Model(BiEncoder), "--input", input, "--silos", "2",
            "--probes", "20", "--runs", "1");

        CliAssert.Succeeded(result);
        Assert.Contains("bench cluster: 500 sentences, 2 Orleans silo(s), 64 per request (8 requests)", result.StandardOutput);
        PrintedFigures.AssertRatio(
            PrintedFigures.Find(result.StandardOutput, @"ratio +(\S+) \(cluster / in-process\)"),
            PrintedFigures.Find(result.StandardOutput, @"cluster +(\S+) sentences/s"),
            PrintedFigures.Find(result.StandardOutput, @"in-process +(\S+) sentences/s"));
    }

    private static EmbeddingMatrix JsonRows(SimctlResult result, string key)
    {
        CliAssert.Succeeded(result);
        return EmbeddingMatrix.FromRows(result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty(key).EnumerateArray().Select(v => v.GetSingle()).ToArray())
            .ToArray());
    }

    /// <summary>The same JSON shape, every number within the tolerance (metrics computed from the same embeddings).</summary>
    private static void AssertSameNumbers(JsonElement expected, JsonElement actual, string path = "$")
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: {expected.ValueKind} vs {actual.ValueKind}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.Equal(expected.EnumerateObject().Select(p => p.Name), actual.EnumerateObject().Select(p => p.Name));
                foreach (var property in expected.EnumerateObject())
                {
                    AssertSameNumbers(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}");
                }

                break;
            case JsonValueKind.Array:
                Assert.Equal(expected.GetArrayLength(), actual.GetArrayLength());
                for (var i = 0; i < expected.GetArrayLength(); i++)
                {
                    AssertSameNumbers(expected[i], actual[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"));
                }

                break;
            case JsonValueKind.Number:
                Assert.True(Math.Abs(expected.GetDouble() - actual.GetDouble()) <= Reference.Tolerance, $"{path}: {expected.GetDouble()} vs {actual.GetDouble()}");
                break;
            default:
                Assert.Equal(expected.ToString(), actual.ToString());
                break;
        }
    }
}
