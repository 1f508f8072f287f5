using System.CommandLine;
using Similarity.Cli.IO;
using Similarity.Grains.Contracts.Values;

namespace Similarity.Cli.Commands.Corpus;

/// <summary>
/// The queries of <c>corpus search</c> and <c>corpus score</c>: texts (<c>--query</c>, repeatable, or <c>--queries</c>,
/// one per line), encoded on the silos by the corpus's model, or embeddings (<c>--query-embeddings</c>).
/// </summary>
internal sealed class CorpusQueries
{
    private readonly Option<string[]> _query = new("--query") { Description = "A query text (repeat for several)" };
    private readonly Option<string?> _queries = new("--queries") { Description = "Query texts, one per line (UTF-8; - for stdin)" };
    private readonly Option<string?> _embeddings = new("--query-embeddings") { Description = "Query embeddings (.npy, rows × dims) instead of texts" };

    public void AddTo(Command command)
    {
        command.Options.Add(_query);
        command.Options.Add(_queries);
        command.Options.Add(_embeddings);
    }

    /// <summary>True when any of the query options is given (whether once is checked on reading).</summary>
    public bool IsGiven(ParseResult parse) =>
        (parse.GetValue(_query) ?? []).Length > 0 || parse.GetValue(_queries) is not null || parse.GetValue(_embeddings) is not null;

    /// <summary>Reads the queries the options give, before any connection: exactly one of the three must be given.</summary>
    public async Task<Func<CorpusSession, string, CancellationToken, Task<FloatMatrix>>> ReadAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var texts = parse.GetValue(_query) ?? [];
        var file = parse.GetValue(_queries);
        var npy = parse.GetValue(_embeddings);
        if ((texts.Length > 0 ? 1 : 0) + (file is null ? 0 : 1) + (npy is null ? 0 : 1) != 1)
        {
            throw new CliException("give the queries once: --query TEXT (repeatable), --queries FILE or --query-embeddings Q.npy");
        }

        if (npy is not null)
        {
            var rows = EmbeddingInputs.Read(npy, "--query-embeddings");
            var matrix = new FloatMatrix(rows.Rows, rows.Columns, rows.Buffer);
            return (_, _, _) => Task.FromResult(matrix);
        }

        if (file is not null)
        {
            texts = [.. await CommandInput.ReadAllLinesAsync(file, cancellationToken)];
        }

        return async (session, corpus, token) =>
            await session.Client.EncodeAsync(texts, (await session.Corpora.GetInfoAsync(corpus, token)).Model, cancellationToken: token);
    }
}
