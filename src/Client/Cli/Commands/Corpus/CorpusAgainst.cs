using System.CommandLine;

namespace Similarity.Cli.Commands.Corpus;

/// <summary>
/// <c>--against CORPUS</c> of <c>corpus score</c> and <c>corpus search</c>: another stored corpus (or the same) whose rows are
/// the queries, in row id order, instead of texts or embeddings; exactly one of the two is given.
/// </summary>
internal sealed class CorpusAgainst
{
    private readonly Option<string?> _against = new("--against")
    {
        Description = "Compare every row of the corpus NAME against the rows of this stored corpus (query i = row i of NAME), instead of queries",
    };

    private readonly Option<bool> _allowModelMismatch = new("--allow-model-mismatch")
    {
        Description = "With --against: compare corpora made by different models (only meaningful when both models embed into one space)",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_against);
        command.Options.Add(_allowModelMismatch);
    }

    /// <summary>The corpus <c>--against</c> names, or null when <paramref name="queries"/> give the query rows: one of the two, never both.</summary>
    public string? CheckedName(ParseResult parse, CorpusQueries queries)
    {
        var name = parse.GetValue(_against);
        var given = queries.IsGiven(parse);
        if (name is not null && given)
        {
            throw new CliException("give either --against CORPUS or queries (--query, --queries, --query-embeddings), not both");
        }

        if (name is null && !given)
        {
            throw new CliException("give what to compare with the corpus: --against CORPUS, or queries with --query TEXT, --queries FILE or --query-embeddings Q.npy");
        }

        if (name is null)
        {
            return AllowModelMismatch(parse) ? throw new CliException("--allow-model-mismatch needs --against") : null;
        }

        return CorpusArguments.Checked(name, "--against");
    }

    public bool AllowModelMismatch(ParseResult parse) => parse.GetValue(_allowModelMismatch);
}
