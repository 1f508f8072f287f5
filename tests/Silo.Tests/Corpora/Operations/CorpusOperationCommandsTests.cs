using System.Text.Json;
using Similarity.Client;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Inference.Tensors;
using Similarity.Silo.Tests.Cluster;
using Similarity.Silo.Tests.Doubles;
using Similarity.Silo.Tests.Servers;
using Similarity.TestSupport;

namespace Similarity.Silo.Tests.Corpora.Operations;

/// <summary>
/// <c>simctl corpus search/mine/cluster</c> through a two-silo cluster on PostgreSQL: the lines the in-process
/// <c>search</c>, <c>mine</c> and <c>cluster</c> write for the corpus's exported embeddings, with the rows' texts.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CorpusOperationCommandsTests(PostgresDatabases databases) : IAsyncLifetime, IDisposable
{
    private const string Model = "bert-mean";
    private readonly ScratchFolder _scratch = new();
    private readonly string[] _texts = TestCorpus.Texts(240);
    private PostgresSilos _silos = null!;
    private string _exported = null!;

    private string[] Cluster => _silos.Arguments;

    public async Task InitializeAsync()
    {
        _silos = await PostgresSilos.StartAsync(await databases.CreateAsync(), 2, new Dictionary<string, string> { [Model] = SharedFolder.Model(Model) });
        CliAssert.Succeeded(await Simctl.RunAsync(["corpus", "create", "questions", "--model", Model, "--shards", "3", .. Cluster]));
        CliAssert.Succeeded(await Simctl.RunAsync(["corpus", "add", "questions", "--input", _scratch.WriteLines("texts.txt", _texts), "--batch-size", "16", .. Cluster]));
        _exported = _scratch.File("questions.npy");
        CliAssert.Succeeded(await Simctl.RunAsync(["corpus", "export", "questions", "--output", _exported, .. Cluster]));
    }

    public async Task DisposeAsync() => await _silos.DisposeAsync();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Corpus_search_writes_the_hits_of_in_process_search_with_their_texts()
    {
        var queries = NpyFiles.Write(_scratch.File("queries.npy"), UnitRows.Random(4, 32, seed: 41));

        var remote = await Simctl.RunAsync(["corpus", "search", "questions", "--query-embeddings", queries, "--top-k", "7", .. Cluster]);
        var local = await Simctl.RunAsync("search", "--corpus", _exported, "--queries", queries, "--top-k", "7");
        var byText = await Simctl.RunAsync(["corpus", "search", "questions", "--query", _texts[17], "--query", _texts[200], "--top-k", "2", .. Cluster]);

        CliAssert.Succeeded(remote);
        CliAssert.Succeeded(local);
        Assert.Equal(Lines(local, "hits", "text"), Lines(remote, "hits", "text"));
        Assert.All(Lines(remote).SelectMany(l => l.GetProperty("hits").EnumerateArray()), h => Assert.Equal(_texts[h.GetProperty("id").GetInt32()], h.GetProperty("text").GetString()));
        CliAssert.Succeeded(byText);
        Assert.Equal([17, 200], Lines(byText).Select(l => l.GetProperty("hits")[0].GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task Corpus_mine_writes_the_pairs_of_in_process_mining_with_their_texts()
    {
        var remote = await Simctl.RunAsync(["corpus", "mine", "questions", "--top-k", "4", "--max-pairs", "60", .. Cluster]);
        var local = await Simctl.RunAsync("mine", "--embeddings", _exported, "--top-k", "4", "--max-pairs", "60");

        CliAssert.Succeeded(remote);
        Assert.Equal(Lines(local, null, "text_i", "text_j"), Lines(remote, null, "text_i", "text_j"));
        Assert.Equal(60, Lines(remote).Count);
        Assert.All(Lines(remote), p => Assert.Equal(_texts[p.GetProperty("j").GetInt32()], p.GetProperty("text_j").GetString()));
    }

    [Fact]
    public async Task Corpus_cluster_writes_the_communities_of_in_process_detection_with_the_members_texts()
    {
        var remote = await Simctl.RunAsync(["corpus", "cluster", "questions", "--threshold", "0.8", "--min-size", "5", .. Cluster]);
        var local = await Simctl.RunAsync("cluster", "--embeddings", _exported, "--threshold", "0.8", "--min-size", "5");

        CliAssert.Succeeded(remote);
        Assert.Equal(Lines(local, null, "texts"), Lines(remote, null, "texts"));
        Assert.NotEmpty(Lines(remote));
        Assert.All(Lines(remote), c => Assert.Equal(
            c.GetProperty("members").EnumerateArray().Select(m => _texts[m.GetInt32()]),
            c.GetProperty("texts").EnumerateArray().Select(t => t.GetString())));
    }

    [Fact]
    public async Task Corpus_score_writes_the_matrix_of_in_process_score()
    {
        var queries = NpyFiles.Write(_scratch.File("queries.npy"), UnitRows.Random(9, 32, seed: 42));

        var remote = await Simctl.RunAsync(["corpus", "score", "questions", "--query-embeddings", queries, "--metric", "manhattan", "--output", _scratch.File("remote.npy"), .. Cluster]);
        var local = await Simctl.RunAsync("score", "--a", queries, "--b", _exported, "--metric", "manhattan", "--output", _scratch.File("local.npy"));

        AssertSameMatrix(remote, local, (9, 240));
    }

    [Fact]
    public async Task Corpus_score_and_search_against_another_corpus_write_what_score_and_search_write_for_the_exports()
    {
        var answers = TestCorpus.Texts(60, " (answer)");
        CliAssert.Succeeded(await Simctl.RunAsync(["corpus", "create", "answers", "--model", Model, "--shards", "2", .. Cluster]));
        CliAssert.Succeeded(await Simctl.RunAsync(["corpus", "add", "answers", "--input", _scratch.WriteLines("answers.txt", answers), "--batch-size", "7", .. Cluster]));
        var exported = _scratch.File("answers.npy");
        CliAssert.Succeeded(await Simctl.RunAsync(["corpus", "export", "answers", "--output", exported, .. Cluster]));

        var remote = await Simctl.RunAsync(["corpus", "score", "questions", "--against", "answers", "--metric", "euclidean", "--output", _scratch.File("remote.npy"), .. Cluster]);
        var local = await Simctl.RunAsync("score", "--a", _exported, "--b", exported, "--metric", "euclidean", "--output", _scratch.File("local.npy"));
        var remoteHits = await Simctl.RunAsync(["corpus", "search", "questions", "--against", "answers", "--top-k", "3", .. Cluster]);
        var localHits = await Simctl.RunAsync("search", "--corpus", exported, "--queries", _exported, "--top-k", "3");

        AssertSameMatrix(remote, local, (240, 60));
        CliAssert.Succeeded(remoteHits);
        Assert.Equal(Lines(localHits, "hits", "text"), Lines(remoteHits, "hits", "text"));
        Assert.Equal(240, Lines(remoteHits).Count);
        Assert.All(Lines(remoteHits).SelectMany(l => l.GetProperty("hits").EnumerateArray()), h => Assert.Equal(answers[h.GetProperty("id").GetInt32()], h.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Bad_requests_name_the_corpus_or_the_option()
    {
        CliAssert.OneLineError(await Simctl.RunAsync(["corpus", "cluster", "absent", .. Cluster]), "corpus 'absent' does not exist");
        CliAssert.OneLineError(
            await Simctl.RunAsync(["corpus", "search", "questions", "--query", "x", "--queries", "q.txt", .. Cluster]),
            "give the queries once");
        CliAssert.OneLineError(await Simctl.RunAsync(["corpus", "mine", "questions", "--top-k", "0", .. Cluster]), "--top-k");
        CliAssert.OneLineError(await Simctl.RunAsync(["corpus", "score", "questions", "--against", "absent", .. Cluster]), "corpus 'absent' does not exist");
    }

    /// <summary>Both runs succeeded and wrote remote.npy and local.npy: the same float32 matrix of <paramref name="shape"/>, bit for bit.</summary>
    private void AssertSameMatrix(SimctlResult remote, SimctlResult local, (int Rows, int Columns) shape)
    {
        CliAssert.Succeeded(remote);
        CliAssert.Succeeded(local);
        var expected = NpyFormat.Read(_scratch.File("local.npy"));
        var actual = NpyFormat.Read(_scratch.File("remote.npy"));
        Assert.Equal(shape, (actual.Rows, actual.Columns));
        Assert.Equal(expected.Buffer, actual.Buffer);
    }

    [Fact]
    public async Task Corpus_operations_lists_what_remains_and_operation_delete_removes_it()
    {
        CliAssert.Succeeded(await Simctl.RunAsync(["corpus", "mine", "questions", "--top-k", "2", "--max-pairs", "5", .. Cluster]));
        var afterBlocking = await Simctl.RunAsync(["corpus", "operations", "questions", "--json", .. Cluster]);
        await using (var client = await SimilarityClient.ConnectAsync(new SimilarityClientOptions { Cluster = _silos.Connection, ClusterId = _silos.ClusterId }))
        {
            await client.CorpusOperations.StartAsync("detached-communities", OperationSpec.Cluster("questions", threshold: 0.8, minSize: 5));
            await Poll.UntilAsync(() => client.CorpusOperations.GetProgressAsync("detached-communities").Result.Status == OperationStatus.Completed, seconds: 60);
        }

        var json = await Simctl.RunAsync(["corpus", "operations", "questions", "--json", .. Cluster]);
        var table = await Simctl.RunAsync(["corpus", "operations", "questions", .. Cluster]);
        var elsewhere = await Simctl.RunAsync(["corpus", "operation-delete", "absent", "detached-communities", .. Cluster]);
        var unknown = await Simctl.RunAsync(["corpus", "operation-delete", "questions", "never-started", .. Cluster]);
        var delete = await Simctl.RunAsync(["corpus", "operation-delete", "questions", "detached-communities", .. Cluster]);
        var after = await Simctl.RunAsync(["corpus", "operations", "questions", "--json", .. Cluster]);

        CliAssert.Succeeded(afterBlocking);
        Assert.Equal(0, JsonDocument.Parse(afterBlocking.StandardOutput).RootElement.GetProperty("operations").GetArrayLength());
        CliAssert.Succeeded(json);
        var listed = Assert.Single(JsonDocument.Parse(json.StandardOutput).RootElement.GetProperty("operations").EnumerateArray());
        Assert.Equal(("detached-communities", "cluster", "completed", 6, 6), (listed.GetProperty("id").GetString(), listed.GetProperty("kind").GetString(),
            listed.GetProperty("status").GetString(), listed.GetProperty("tiles_done").GetInt32(), listed.GetProperty("tiles_total").GetInt32()));
        CliAssert.Succeeded(table);
        Assert.Contains("detached-communities", table.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("6/6", table.StandardOutput, StringComparison.Ordinal);
        CliAssert.OneLineError(elsewhere, "corpus 'absent' does not exist");
        CliAssert.OneLineError(unknown, "corpus questions has no operation 'never-started'");
        CliAssert.Succeeded(delete);
        Assert.Equal("deleted operation detached-communities of corpus questions\n", delete.StandardOutput);
        Assert.Equal(0, JsonDocument.Parse(after.StandardOutput).RootElement.GetProperty("operations").GetArrayLength());
    }

    [Fact]
    public async Task Corpus_operations_in_process_says_why_there_is_no_corpus()
    {
        var result = await Simctl.RunAsync("corpus", "operations", "questions");

        CliAssert.OneLineError(result, "corpus 'questions' does not exist", "without --cluster a corpus lives only as long as the command");
    }

    private static List<JsonElement> Lines(SimctlResult result) =>
        [.. result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];

    /// <summary>The output's lines without the text fields (in <paramref name="nested"/>'s items when given), as JSON text to compare.</summary>
    private static List<string> Lines(SimctlResult result, string? nested, params string[] texts) =>
        [.. Lines(result).Select(line => JsonSerializer.Serialize(Without(line, nested, texts)))];

    private static Dictionary<string, object?> Without(JsonElement line, string? nested, string[] texts) =>
        line.EnumerateObject()
            .Where(p => !texts.Contains(p.Name))
            .ToDictionary(
                p => p.Name,
                p => p.Name == nested
                    ? p.Value.EnumerateArray().Select(item => Without(item, null, texts)).ToList()
                    : (object?)p.Value.GetRawText());
}
