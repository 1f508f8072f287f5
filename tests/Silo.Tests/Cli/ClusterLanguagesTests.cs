using System.Text.Json;
using Similarity.Grains.Clustering;
using Similarity.Grains.Kernels;
using Similarity.Inference.Tensors;
using Similarity.Silo.Tests.Servers;
using Similarity.TestSupport;

namespace Similarity.Silo.Tests.Cli;

/// <summary>
/// <c>simctl cluster-languages</c>, the multilingual clustering job, on the multilingual fixture model: the communities
/// the in-process <see cref="CommunityDetector"/> finds on the same texts' embeddings, each member with the language and
/// text of its line, in process and through a two-silo cluster on PostgreSQL alike.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterLanguagesTests(PostgresDatabases databases) : IAsyncLifetime, IDisposable
{
    private const string Model = "multilingual-mean";
    private const double Threshold = 0.85;
    private const int MinSize = 3;

    /// <summary>The same few sentences in five languages, then a few more in some of them: 44 tagged lines.</summary>
    private static readonly (string Language, string Text)[] Lines =
    [
        .. Sentences("en", "Good morning, how are you?", "The cat sleeps on the sofa.", "I would like a cup of coffee.", "Where is the train station?", "It is raining again today.", "My brother plays the guitar.", "We are going to the sea in summer.", "This book is very interesting."),
        .. Sentences("de", "Guten Morgen, wie geht es dir?", "Die Katze schläft auf dem Sofa.", "Ich hätte gern eine Tasse Kaffee.", "Wo ist der Bahnhof?", "Heute regnet es schon wieder.", "Mein Bruder spielt Gitarre.", "Im Sommer fahren wir ans Meer.", "Dieses Buch ist sehr interessant."),
        .. Sentences("fr", "Bonjour, comment allez-vous ?", "Le chat dort sur le canapé.", "Je voudrais une tasse de café.", "Où est la gare ?", "Il pleut encore aujourd'hui.", "Mon frère joue de la guitare.", "En été, nous allons à la mer.", "Ce livre est très intéressant."),
        .. Sentences("es", "Buenos días, ¿cómo estás?", "El gato duerme en el sofá.", "Quisiera una taza de café.", "¿Dónde está la estación de tren?", "Hoy vuelve a llover.", "Mi hermano toca la guitarra.", "En verano vamos al mar.", "Este libro es muy interesante."),
        .. Sentences("pt-BR", "Bom dia, como vai você?", "O gato dorme no sofá.", "Eu gostaria de uma xícara de café.", "Onde fica a estação de trem?", "Está chovendo de novo hoje.", "Meu irmão toca violão.", "No verão vamos para o mar.", "Este livro é muito interessante."),
        .. Sentences("ja", "おはようございます、お元気ですか？", "猫がソファで寝ています。"),
        .. Sentences("ru", "Доброе утро, как дела?", "Кошка спит на диване."),
    ];

    private readonly ScratchFolder _scratch = new();
    private PostgresSilos _silos = null!;

    public async Task InitializeAsync() =>
        _silos = await PostgresSilos.StartAsync(await databases.CreateAsync(), 2, new Dictionary<string, string> { [Model] = SharedFolder.Model(Model) });

    public async Task DisposeAsync() => await _silos.DisposeAsync();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task In_process_the_communities_are_the_detectors_on_the_texts_embeddings()
    {
        var input = _scratch.WriteLines("texts.tsv", Lines.Select(l => $"{l.Language}\t{l.Text}"));
        var embeddings = _scratch.File("texts.npy");
        CliAssert.Succeeded(await Simctl.RunAsync("encode", "--model", SharedFolder.Model(Model), "--input", _scratch.WriteLines("texts.txt", Lines.Select(l => l.Text)), "--format", "npy", "--output", embeddings));
        var expected = CommunityDetector.Detect(NpyFormat.Read(embeddings), Threshold, MinSize, new KernelOptions(), CancellationToken.None);

        var result = await Simctl.RunAsync("cluster-languages", "--model", SharedFolder.Model(Model), "--input", input, "--threshold", "0.85", "--min-size", "3");

        CliAssert.Succeeded(result);
        var communities = Parse(result);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(c => (long)c.Centre), communities.Select(c => c.GetProperty("centre").GetInt64()));
        Assert.Equal(expected.Select(c => c.Members.Select(m => (long)m)), communities.Select(c => c.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("id").GetInt64())));
        AssertLanguagesAndTexts(communities);
    }

    [Fact]
    public async Task Through_the_cluster_the_communities_are_those_in_process_and_no_corpus_is_left()
    {
        var input = _scratch.WriteLines("texts.tsv", Lines.Select(l => $"{l.Language}\t{l.Text}"));
        string[] args = ["cluster-languages", "--input", input, "--threshold", "0.85", "--min-size", "3"];

        var local = await Simctl.RunAsync([.. args, "--model", SharedFolder.Model(Model)]);
        var remote = await Simctl.RunAsync([.. args, "--model", Model, "--shards", "3", .. _silos.Arguments]);

        CliAssert.Succeeded(local);
        CliAssert.Succeeded(remote);
        Assert.NotEmpty(Parse(local));
        Assert.Equal(local.StandardOutput, remote.StandardOutput);
        AssertLanguagesAndTexts(Parse(remote));
        Assert.Equal((1L, 0L), await TemporaryCorpora.CountAsync(_silos.Connection, "cluster-languages"));
        Assert.Equal(0, await TemporaryCorpora.BlocksAsync(_silos.Connection, "cluster-languages"));
    }

    [Fact]
    public async Task A_line_without_a_tab_is_refused_naming_the_file_and_line()
    {
        var input = _scratch.WriteLines("texts.tsv", ["en\tHello", "de Hallo"]);

        CliAssert.OneLineError(
            await Simctl.RunAsync("cluster-languages", "--model", SharedFolder.Model(Model), "--input", input),
            $"line 2 of {input} has no tab");
    }

    [Fact]
    public async Task A_tag_that_is_not_a_language_code_is_refused_naming_the_file_and_line()
    {
        var input = _scratch.WriteLines("texts.tsv", ["en\tHello", "de\tHallo", "Bonjour\tfr"]);

        CliAssert.OneLineError(
            await Simctl.RunAsync("cluster-languages", "--model", SharedFolder.Model(Model), "--input", input),
            $"line 3 of {input} starts with 'Bonjour', not a language code");
    }

    /// <summary>Every member carries its own line's language and text, and the counts are those of its members' languages.</summary>
    private static void AssertLanguagesAndTexts(IReadOnlyList<JsonElement> communities)
    {
        foreach (var community in communities)
        {
            var members = community.GetProperty("members").EnumerateArray().ToArray();
            foreach (var member in members)
            {
                var (language, text) = Lines[member.GetProperty("id").GetInt32()];
                Assert.Equal(language, member.GetProperty("language").GetString());
                Assert.Equal(text, member.GetProperty("text").GetString());
            }

            var counts = members.GroupBy(m => m.GetProperty("language").GetString()!).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count()));
            Assert.Equal(counts, community.GetProperty("languages").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())));
        }
    }

    private static List<JsonElement> Parse(SimctlResult result) =>
        [.. result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)];

    private static IEnumerable<(string Language, string Text)> Sentences(string language, params string[] texts) => texts.Select(t => (language, t));
}
