using System.CommandLine;
using Similarity.Cli.IO;

namespace Similarity.Cli.Commands.Corpus;

/// <summary><c>simctl corpus info NAME</c>: model, dimension, precision, rows, each shard's rows and silo, a running add's progress.</summary>
internal static class CorpusInfoCommand
{
    public static Command Create()
    {
        var corpus = new CorpusArguments();
        var json = CommandOutput.JsonSwitch();
        var command = new Command("info", "Show a corpus: model, dimension, precision, rows, shards and a running add's progress.");
        corpus.AddTo(command);
        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = corpus.CheckedName(parse);
            await using var session = await corpus.OpenAsync(parse, null, cancellationToken);
            var info = await CorpusArguments.ExplainAsync(session, () => session.Corpora.GetInfoAsync(name, cancellationToken));
            CorpusInfoOutput.Write(info, parse.GetValue(json));
            return 0;
        });
        return command;
    }
}
