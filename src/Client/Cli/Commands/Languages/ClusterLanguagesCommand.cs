using System.CommandLine;
using Similarity.Cli.Commands.Corpus;
using Similarity.Cli.Commands.Models;
using Similarity.Cli.Commands.Streaming;
using Similarity.Cli.IO;
using Similarity.Client.Corpora;

namespace Similarity.Cli.Commands.Languages;

/// <summary>
/// <c>simctl cluster-languages</c>: the multilingual clustering job. Texts tagged with their language in, communities out,
/// each member with its language and text and the languages the community spans. The texts go into a temporary corpus
/// (encoded by a multilingual model on the silos: a silo in this process, or with <c>--cluster</c> the cluster's), the
/// communities are found there as tiles, and the corpus is deleted; members are row (line) numbers from 0.
/// </summary>
internal static class ClusterLanguagesCommand
{
    public static Command Create()
    {
        var model = new ModelArguments();
        model.Model.Description = "The (multilingual) model that encodes the texts: a sentence-transformers folder or cached model name, or with --cluster the NAME of a model the silos serve";
        var input = new Option<string>("--input") { Description = "Texts, one per line as LANG<TAB>TEXT (UTF-8; - for stdin), e.g. \"de\\tGuten Morgen\"", Required = true };
        var community = new CommunityArguments();
        var output = CommandOutput.Option("the JSON lines");
        var corpus = new TemporaryCorpusArguments(model.Cluster, model.ClusterId);
        var command = new Command(
            "cluster-languages",
            "Communities of texts in many languages: one JSON line per community, {\"centre\": i, \"members\": [{\"id\", \"language\", \"text\"}], "
            + "\"languages\": {\"LANG\": members}}, largest first.")
        {
            input,
        };
        model.AddTo(command, batching: false);
        community.AddTo(command);
        command.Options.Add(output);
        corpus.AddTo(command);
        corpus.Shards.Description = "Shards of the temporary corpus the texts are spread over (default: one per active silo).";

        command.SetAction(async (parse, cancellationToken) =>
        {
            var (bar, size) = community.Checked(parse);
            var request = model.Request(parse);
            var rows = await LanguageTaggedTexts.ReadAsync(parse.GetRequiredValue(input), cancellationToken);
            var name = CommandInput.DisplayName(parse.GetValue(input));
            var communities = await corpus.RunAsync(
                parse,
                request.Cluster,
                request.Device,
                "cluster-languages",
                new TextSource(rows.Texts, name: name),
                request.Model,
                (session, corpusName) => TerminalProgress.RunAsync($"cluster {name}", sink =>
                    session.Client.CorpusOperations.ClusterAsync(corpusName, bar, size, new OperationBar(sink), cancellationToken)),
                cancellationToken);

            using var lines = new JsonLinesOutput(parse.GetValue(output));
            foreach (var community in communities)
            {
                lines.WriteLanguageCommunity(community.Centre, community.Members, rows.Languages, rows.Texts);
            }

            return 0;
        });

        return command;
    }
}
