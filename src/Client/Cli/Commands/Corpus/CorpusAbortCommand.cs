using System.CommandLine;

namespace Similarity.Cli.Commands.Corpus;

/// <summary><c>simctl corpus abort NAME</c>: abandons a corpus's running add (one whose client went away); its rows are removed.</summary>
internal static class CorpusAbortCommand
{
    public static Command Create()
    {
        var corpus = new CorpusArguments();
        var command = new Command("abort", "Abort a corpus's running add (e.g. one whose client died); its rows are removed.");
        corpus.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = corpus.CheckedName(parse);
            await using var session = await corpus.OpenAsync(parse, null, cancellationToken);
            var aborted = await CorpusArguments.ExplainAsync(session, () => session.Corpora.AbortAddAsync(name, cancellationToken));
            Console.Out.WriteLine(aborted ? $"aborted the running add of corpus {name}" : $"corpus {name} has no running add");
            return 0;
        });
        return command;
    }
}
