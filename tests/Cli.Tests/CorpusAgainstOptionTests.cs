using Similarity.TestSupport;

namespace Similarity.Cli.Tests;

/// <summary><c>corpus score|search NAME --against OTHER</c>: the option errors, checked before anything runs, and the in-process run.</summary>
public sealed class CorpusAgainstOptionTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [InlineData("score")]
    [InlineData("search")]
    public async Task Against_and_queries_together_are_refused(string command)
    {
        var result = await Simctl.RunAsync("corpus", command, "left", "--against", "right", "--query", "a question");

        CliAssert.OneLineError(result, "give either --against CORPUS or queries", "not both");
    }

    [Theory]
    [InlineData("score")]
    [InlineData("search")]
    public async Task Neither_against_nor_queries_is_refused_naming_both(string command)
    {
        var result = await Simctl.RunAsync("corpus", command, "left");

        CliAssert.OneLineError(result, "--against CORPUS", "--queries FILE", "--query-embeddings");
    }

    [Fact]
    public async Task Allowing_a_model_mismatch_needs_against()
    {
        var result = await Simctl.RunAsync("corpus", "search", "left", "--query", "a question", "--allow-model-mismatch");

        CliAssert.OneLineError(result, "--allow-model-mismatch needs --against");
    }

    [Fact]
    public async Task Against_names_must_be_corpus_names()
    {
        var result = await Simctl.RunAsync("corpus", "score", "left", "--against", "no/slash");

        CliAssert.OneLineError(result, "--against 'no/slash' is not a corpus name");
    }

    [Fact]
    public async Task In_process_a_corpus_does_not_outlive_its_command_and_no_output_is_left()
    {
        var output = _scratch.File("scores.npy");

        var score = await Simctl.RunAsync("corpus", "score", "left", "--against", "right", "--output", output);
        var search = await Simctl.RunAsync("corpus", "search", "left", "--against", "left", "--output", _scratch.File("hits.jsonl"));

        CliAssert.OneLineError(score, "corpus 'left' does not exist", "without --cluster");
        CliAssert.OneLineError(search, "corpus 'left' does not exist", "without --cluster");
        Assert.False(File.Exists(output));
        Assert.False(File.Exists(_scratch.File("hits.jsonl")));
    }
}
