using System.CommandLine;

namespace Similarity.Cli.Commands.Corpus;

/// <summary><c>simctl corpus ...</c>: named, sharded corpora of embeddings on the silos.</summary>
internal static class CorpusCommand
{
    public static Command Create()
    {
        var command = new Command(
            "corpus",
            "Named corpora of embeddings, sharded over the silos: create, add texts or embeddings, info, export, delete; search, mine, cluster, score; list and delete operations. "
            + "With --cluster corpora persist in the cluster's PostgreSQL. Without it they live in a silo in this process and are "
            + "gone when the command ends, so create, add and export in one command: "
            + "simctl corpus create NAME --model DIR --input texts.txt --export E.npy");
        command.Subcommands.Add(CorpusCreateCommand.Create());
        command.Subcommands.Add(CorpusAddCommand.Create());
        command.Subcommands.Add(CorpusInfoCommand.Create());
        command.Subcommands.Add(CorpusExportCommand.Create());
        command.Subcommands.Add(CorpusDeleteCommand.Create());
        command.Subcommands.Add(CorpusAbortCommand.Create());
        command.Subcommands.Add(CorpusSearchCommand.Create());
        command.Subcommands.Add(CorpusMineCommand.Create());
        command.Subcommands.Add(CorpusClusterCommand.Create());
        command.Subcommands.Add(CorpusScoreCommand.Create());
        command.Subcommands.Add(CorpusOperationsCommand.Create());
        command.Subcommands.Add(CorpusOperationDeleteCommand.Create());
        return command;
    }
}
