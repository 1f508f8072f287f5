using System.CommandLine;
using Similarity.Cli.Commands.Streaming;
using Similarity.Cli.IO;
using Similarity.Grains.Clustering;

namespace Similarity.Cli.Commands.Corpus;

/// <summary><c>simctl corpus cluster NAME</c>: community detection on the silos, as <c>simctl cluster</c> writes it, with the members' texts.</summary>
internal static class CorpusClusterCommand
{
    public static Command Create()
    {
        var corpus = new CorpusArguments();
        var threshold = new Option<double>("--threshold") { Description = "Cosine a row needs to join a community", DefaultValueFactory = _ => CommunityDetector.DefaultThreshold };
        var minSize = new Option<int>("--min-size") { Description = "Members a community needs", DefaultValueFactory = _ => CommunityDetector.DefaultMinCommunitySize };
        var output = CommandOutput.Option("the JSON lines");
        var command = new Command(
            "cluster",
            "Community detection over a stored corpus, as tiles on the silos: one JSON line per community, {\"centre\": i, \"members\": [...], "
            + "\"texts\": [...]}, largest first (texts for rows added as texts). Progress on stderr.");
        corpus.AddTo(command);
        command.Options.Add(threshold);
        command.Options.Add(minSize);
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = corpus.CheckedName(parse);
            var bar = parse.GetValue(threshold);
            if (!double.IsFinite(bar))
            {
                throw new CliException($"--threshold must be a finite number, got {bar}");
            }

            var size = EmbeddingInputs.AtLeastOne(parse.GetValue(minSize), "--min-size");
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
