using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Similarity.Cli.IO;

namespace Similarity.Cli.Commands.Corpus;

/// <summary>
/// <c>simctl corpus add NAME --input texts.txt | --embeddings E.npy</c>: rows added after the corpus's own, through the
/// ingest streams (texts encoded on the silos), with a progress bar on a terminal. The input is checked in full first; an
/// add that fails is aborted, leaving the corpus as it was.
/// </summary>
internal static class CorpusAddCommand
{
    public static Command Create()
    {
        var corpus = new CorpusArguments();
        var input = new CorpusInputArguments();
        var model = new Option<string?>("--model") { Description = "The model the rows come from, checked against the corpus's (optional)." };
        var json = CommandOutput.JsonSwitch();
        var command = new Command("add", "Add texts (encoded on the silos) or precomputed embeddings to a corpus.");
        corpus.AddTo(command);
        input.AddTo(command);
        command.Options.Add(model);
        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = corpus.CheckedName(parse);
            var options = input.Options(parse, parse.GetValue(model));
            var source = input.Open(parse);
            await using var session = await corpus.OpenAsync(parse, null, cancellationToken);
            var added = await CorpusArguments.ExplainAsync(session, () => CorpusAddition.RunAsync(session, name, source, options, cancellationToken));
            var info = await session.Corpora.GetInfoAsync(name, cancellationToken);
            if (parse.GetValue(json))
            {
                using var stdout = Console.OpenStandardOutput();
                using (var writer = new Utf8JsonWriter(stdout))
                {
                    writer.WriteStartObject();
                    writer.WriteString("corpus", name);
                    writer.WriteNumber("added", added.StoredRows);
                    writer.WriteNumber("rows", info.Rows);
                    writer.WriteEndObject();
                }

                stdout.Write("\n"u8);
            }
            else
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"added {added.StoredRows} rows to corpus {name}: {info.Rows} rows"));
            }

            return 0;
        });
        return command;
    }
}
