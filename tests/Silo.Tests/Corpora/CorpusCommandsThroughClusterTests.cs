using System.Text.Json;
using Similarity.Inference.Tensors;
using Similarity.Silo.Tests.Doubles;
using Similarity.Silo.Tests.Servers;
using Similarity.TestSupport;

namespace Similarity.Silo.Tests.Corpora;

/// <summary>
/// <c>simctl corpus</c> through a two-silo cluster on PostgreSQL, where a corpus outlives the command that made it:
/// created, added to, shown, exported and deleted by separate commands, with the results of the same work in process.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CorpusCommandsThroughClusterTests(PostgresDatabases databases) : IAsyncLifetime, IDisposable
{
    private const string Model = "bert-mean";
    private readonly ScratchFolder _scratch = new();
    private PostgresSilos _silos = null!;

    private string[] Cluster => _silos.Arguments;

    public async Task InitializeAsync() =>
        _silos = await PostgresSilos.StartAsync(await databases.CreateAsync(), 2, new Dictionary<string, string> { [Model] = SharedFolder.Model(Model) });

    public async Task DisposeAsync() => await _silos.DisposeAsync();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task A_corpus_built_by_separate_commands_exports_what_one_in_process_command_does()
    {
        var first = _scratch.WriteLines("first.txt", TestCorpus.Texts(200, " a"));
        var second = _scratch.WriteLines("second.txt", TestCorpus.Texts(150, " b"));
        var both = _scratch.WriteLines("both.txt", [.. TestCorpus.Texts(200, " a"), .. TestCorpus.Texts(150, " b")]);
        CliAssert.Succeeded(await Simctl.RunAsync("corpus", "create", "local", "--model", SharedFolder.Model(Model), "--input", both, "--export", _scratch.File("local.npy")));

        CliAssert.Succeeded(await Simctl.RunAsync(["corpus", "create", "questions", "--model", Model, "--shards", "3", .. Cluster]));
        var added = await Simctl.RunAsync(["corpus", "add", "questions", "--input", first, "--json", .. Cluster]);
        CliAssert.Succeeded(await Simctl.RunAsync(["corpus", "add", "questions", "--input", second, "--batch-size", "32", .. Cluster]));
        var info = await Simctl.RunAsync(["corpus", "info", "questions", "--json", .. Cluster]);
        CliAssert.Succeeded(await Simctl.RunAsync(["corpus", "export", "questions", "--output", _scratch.File("remote.npy"), .. Cluster]));

        CliAssert.Succeeded(added);
        Assert.Equal("{\"corpus\":\"questions\",\"added\":200,\"rows\":200}\n", added.StandardOutput);
        var corpus = JsonDocument.Parse(info.StandardOutput).RootElement;
        Assert.Equal((Model, 32, 350), (corpus.GetProperty("model").GetString(), corpus.GetProperty("dimension").GetInt32(), corpus.GetProperty("rows").GetInt32()));
        Assert.Equal(2, corpus.GetProperty("shards").EnumerateArray().Select(s => s.GetProperty("silo").GetString()).Distinct().Count());
        Reference.AssertClose(NpyFormat.Read(_scratch.File("local.npy")), NpyFormat.Read(_scratch.File("remote.npy")));
    }

    [Fact]
    public async Task Embeddings_of_another_width_are_refused_naming_the_corpus_and_the_rows_stored_stay()
    {
        CliAssert.Succeeded(await Simctl.RunAsync(["corpus", "create", "narrow", "--model", Model, .. Cluster]));
        CliAssert.Succeeded(await Simctl.RunAsync(["corpus", "add", "narrow", "--embeddings", NpyFiles.Write(_scratch.File("ok.npy"), UnitRows.Random(20, 32, seed: 1)), .. Cluster]));
        var wide = NpyFiles.Write(_scratch.File("wide.npy"), UnitRows.Random(5, 48, seed: 2));

        var refused = await Simctl.RunAsync(["corpus", "add", "narrow", "--embeddings", wide, .. Cluster]);

        CliAssert.OneLineError(refused, $"corpus 'narrow' holds rows of 32 values; {wide} has 48 per row");
        var info = JsonDocument.Parse((await Simctl.RunAsync(["corpus", "info", "narrow", "--json", .. Cluster])).StandardOutput).RootElement;
        Assert.Equal(20, info.GetProperty("rows").GetInt32());
        Assert.Equal(JsonValueKind.Null, info.GetProperty("ingest").ValueKind);
    }

    [Fact]
    public async Task Rows_of_another_model_are_refused()
    {
        CliAssert.Succeeded(await Simctl.RunAsync(["corpus", "create", "checked", "--model", Model, .. Cluster]));
        var texts = _scratch.WriteLines("texts.txt", ["a", "b"]);

        CliAssert.OneLineError(
            await Simctl.RunAsync(["corpus", "add", "checked", "--input", texts, "--model", "mpnet", .. Cluster]),
            "corpus 'checked' holds embeddings of model 'bert-mean', not 'mpnet'");
    }

    [Fact]
    public async Task A_deleted_corpus_is_gone_for_later_commands()
    {
        CliAssert.Succeeded(await Simctl.RunAsync(["corpus", "create", "brief", "--model", Model, .. Cluster]));

        var deleted = await Simctl.RunAsync(["corpus", "delete", "brief", .. Cluster]);

        Assert.Equal("deleted corpus brief\n", deleted.StandardOutput);
        CliAssert.OneLineError(await Simctl.RunAsync(["corpus", "info", "brief", .. Cluster]), "corpus 'brief' does not exist");
        CliAssert.OneLineError(
            await Simctl.RunAsync(["corpus", "add", "brief", "--input", _scratch.WriteLines("t.txt", ["x"]), .. Cluster]), "corpus 'brief' does not exist");
    }
}
