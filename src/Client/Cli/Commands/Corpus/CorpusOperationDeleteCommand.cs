using System.CommandLine;
using Similarity.Grains.Contracts.Corpora.Operations;

namespace Similarity.Cli.Commands.Corpus;

/// <summary>
/// <c>simctl corpus operation-delete NAME ID</c>: removes one of the corpus's operations (a running one is cancelled).
/// It names the corpus as every <c>corpus</c> command does, and refuses an id that is not one of that corpus's operations.
/// </summary>
internal static class CorpusOperationDeleteCommand
{
    public static Command Create()
    {
        var corpus = new CorpusArguments();
        var id = new Argument<string>("id") { Description = "The operation's id, as simctl corpus operations NAME lists it." };
        var command = new Command("operation-delete", "Delete one of a corpus's operations and its result; a running one is cancelled.");
        corpus.AddTo(command);
        command.Arguments.Add(id);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = corpus.CheckedName(parse);
            var operation = parse.GetRequiredValue(id);
            await using var session = await corpus.OpenAsync(parse, null, cancellationToken);
            var operations = session.Client.CorpusOperations;
            var listed = await CorpusArguments.ExplainAsync(session, () => operations.ListAsync(name, cancellationToken));
            if (!listed.Any(o => o.Id == operation))
            {
                throw new CliException($"corpus {name} has no operation '{operation}' (simctl corpus operations {name} lists them)");
            }

            try
            {
                await operations.DeleteAsync(operation, cancellationToken);
            }
            catch (OperationNotFoundException e)
            {
                throw new CliException($"{e.Message} (deleted meanwhile?)", e);
            }

            Console.Out.WriteLine($"deleted operation {operation} of corpus {name}");
            return 0;
        });
        return command;
    }
}
