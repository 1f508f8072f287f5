using System.CommandLine;

namespace Similarity.Cli.Commands.Corpus;

/// <summary><c>simctl corpus delete NAME</c>: the corpus, its shards and their stored rows are removed.</summary>
internal static class CorpusDeleteCommand
{
    public static Command Create()
    {
        var corpus = new CorpusArguments();
        var command = new Command("delete", "Delete a corpus and its stored rows.");
        corpus.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = corpus.CheckedName(parse);
            await using var session = await corpus.OpenAsync(parse, null, cancellationToken);
            await CorpusArguments.ExplainAsync(session, async () =>
            {
                await session.Corpora.DeleteAsync(name, cancellationToken);
                return 0;
            });
            Console.Out.WriteLine($"deleted corpus {name}");
            return 0;
        });
        return command;
    }
}
