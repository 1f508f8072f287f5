using System.CommandLine;
using Similarity.Cli.Commands.Streaming;
using Similarity.Cli.IO;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Inference.Tensors;

namespace Similarity.Cli.Commands.Corpus;

/// <summary>
/// <c>simctl corpus score NAME</c>: the [queries, corpus rows] score matrix computed on the silos next to the shards,
/// streamed to a .npy a block of queries at a time, as <c>simctl score</c> computes it for the corpus's rows.
/// </summary>
internal static class CorpusScoreCommand
{
    public static Command Create()
    {
        var corpus = new CorpusArguments();
        var queries = new CorpusQueries();
        var metric = EmbeddingInputs.Metric();
        var output = CommandOutput.Option("the .npy scores");
        var command = new Command(
            "score",
            "Score queries against every row of a stored corpus on its shards: an [queries, rows] float32 .npy (columns in row order), "
            + "the matrix simctl score --a QUERIES --b CORPUS writes.");
        corpus.AddTo(command);
        queries.AddTo(command);
        command.Options.Add(metric);
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = corpus.CheckedName(parse);
            var function = EmbeddingInputs.ParseScoreFunction(parse.GetRequiredValue(metric));
            var read = await queries.ReadAsync(parse, cancellationToken);
            await using var session = await corpus.OpenAsync(parse, null, cancellationToken);
            var matrix = await CorpusArguments.ExplainAsync(session, () => read(session, name, cancellationToken));
            await using var stream = CommandOutput.OpenStream(parse.GetValue(output));
            NpyRowWriter? writer = null;
            try
            {
                var columns = await CorpusArguments.ExplainAsync(session, () => session.Client.CorpusOperations.ScoreAsync(
                    name,
                    matrix,
                    function,
                    async (block, token) =>
                    {
                        writer ??= new NpyRowWriter(stream, block.Columns);
                        await writer.WriteAsync(new EmbeddingMatrix(block.Rows, block.Columns, block.Values), token);
                    },
                    cancellationToken));
                writer ??= new NpyRowWriter(stream, (int)columns);
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
