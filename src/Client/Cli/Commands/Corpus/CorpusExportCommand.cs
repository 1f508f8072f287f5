using System.CommandLine;
using Similarity.Cli.IO;

namespace Similarity.Cli.Commands.Corpus;

/// <summary><c>simctl corpus export NAME --output E.npy</c>: the rows in the order they were added, float32 [rows, dimension].</summary>
internal static class CorpusExportCommand
{
    public static Command Create()
    {
        var corpus = new CorpusArguments();
        var output = CommandOutput.Option("the rows, a float32 [rows, dimension] .npy");
        var command = new Command("export", "Write a corpus's rows, in the order they were added, to a float32 .npy.");
        corpus.AddTo(command);
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = corpus.CheckedName(parse);
            await using var session = await corpus.OpenAsync(parse, null, cancellationToken);
            await CorpusArguments.ExplainAsync(session, () => CorpusExportFile.WriteAsync(session, name, parse.GetValue(output), cancellationToken));
            return 0;
        });
        return command;
    }
}
