using System.CommandLine;
using Similarity.Cli.Commands.Streaming;
using Similarity.Cli.IO;
using Similarity.Grains.Contracts.Values;
using Similarity.Inference.Tensors;

namespace Similarity.Cli.Commands.Corpus;

/// <summary>
/// <c>simctl corpus score NAME</c>: the [queries, corpus rows] score matrix computed on the silos next to the shards,
/// streamed to a .npy a block of queries at a time, as <c>simctl score</c> computes it for the corpus's rows. With
/// <c>--against OTHER</c> the queries are NAME's rows and the columns OTHER's: <c>simctl score --a NAME.npy --b OTHER.npy</c>.
/// </summary>
internal static class CorpusScoreCommand
{
    public static Command Create()
    {
        var corpus = new CorpusArguments();
        var queries = new CorpusQueries();
        var against = new CorpusAgainst();
        var metric = EmbeddingInputs.Metric();
        var output = CommandOutput.Option("the .npy scores");
        var command = new Command(
            "score",
            "Score queries against every row of a stored corpus on its shards: an [queries, rows] float32 .npy (columns in row order), "
            + "the matrix simctl score --a QUERIES --b CORPUS writes. With --against OTHER: every row of the corpus against every row of "
            + "OTHER, an [rows, OTHER rows] .npy (simctl score --a CORPUS --b OTHER).");
        corpus.AddTo(command);
        queries.AddTo(command);
        against.AddTo(command);
        command.Options.Add(metric);
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = corpus.CheckedName(parse);
            var other = against.CheckedName(parse, queries);
            var function = EmbeddingInputs.ParseScoreFunction(parse.GetRequiredValue(metric));
            var read = other is null ? await queries.ReadAsync(parse, cancellationToken) : null;
            await using var session = await corpus.OpenAsync(parse, null, cancellationToken);
            var matrix = read is null ? null : await CorpusArguments.ExplainAsync(session, () => read(session, name, cancellationToken));
            var operations = session.Client.CorpusOperations;
            Func<Func<FloatMatrix, CancellationToken, ValueTask>, Task<long>> score = matrix is not null
                ? sink => operations.ScoreAsync(name, matrix, function, sink, cancellationToken)
                : sink => operations.ScoreAgainstAsync(name, other!, function, sink, against.AllowModelMismatch(parse), cancellationToken);
            // Opened with the first block: an error before it (a missing corpus) leaves no file.
            var path = parse.GetValue(output);
            NpyRowWriter? writer = null;
            try
            {
                var columns = await CorpusArguments.ExplainAsync(session, () => score(async (block, token) =>
                {
                    writer ??= new NpyRowWriter(CommandOutput.OpenStream(path), block.Columns);
                    await writer.WriteAsync(new EmbeddingMatrix(block.Rows, block.Columns, block.Values), token);
                }));
                writer ??= new NpyRowWriter(CommandOutput.OpenStream(path), (int)columns);
                await writer.CompleteAsync(cancellationToken);
            }
            finally
            {
                if (writer is not null)
                {
                    await writer.DisposeAsync();
                }
            }

            return 0;
        });
        return command;
    }
}
