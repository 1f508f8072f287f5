using System.CommandLine;
using Similarity.Cli.Commands.Streaming;
using Similarity.Cli.IO;

namespace Similarity.Cli.Commands.Corpus;

/// <summary><c>simctl corpus cluster NAME</c>: community detection on the silos, as <c>simctl cluster</c> writes it, with the members' texts.</summary>
internal static class CorpusClusterCommand
{
    public static Command Create()
    {
        var corpus = new CorpusArguments();
        var community = new CommunityArguments();
        var output = CommandOutput.Option("the JSON lines");
        var command = new Command(
            "cluster",
            "Community detection over a stored corpus, as tiles on the silos: one JSON line per community, {\"centre\": i, \"members\": [...], "
            + "\"texts\": [...]}, largest first (texts for rows added as texts). Progress on stderr.");
        corpus.AddTo(command);
        community.AddTo(command);
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = corpus.CheckedName(parse);
            var (bar, size) = community.Checked(parse);
            await using var session = await corpus.OpenAsync(parse, null, cancellationToken);
            var communities = await CorpusArguments.ExplainAsync(session, () => TerminalProgress.RunAsync(
                $"cluster {name}", sink => session.Client.CorpusOperations.ClusterAsync(name, bar, size, new OperationBar(sink), cancellationToken)));
            var texts = await CorpusRowTexts.ReadAsync(session, name, communities.SelectMany(c => c.Members), cancellationToken);

            using var lines = new JsonLinesOutput(parse.GetValue(output));
            foreach (var community in communities)
            {
                lines.WriteCommunity(community.Centre, community.Members, row => texts[row]);
            }

            return 0;
        });
        return command;
    }
}
