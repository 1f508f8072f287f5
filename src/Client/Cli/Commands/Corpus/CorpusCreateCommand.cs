using System.CommandLine;
using Similarity.Cli.IO;
using Similarity.Client.Corpora;
using Similarity.Grains.Contracts.Corpora;

namespace Similarity.Cli.Commands.Corpus;

/// <summary>
/// <c>simctl corpus create NAME --model MODEL</c>: a new corpus for a model's embeddings, then optionally its first rows
/// (<c>--input</c> / <c>--embeddings</c>) and an export of them (<c>--export</c>): in process, where a corpus lives as
/// long as the command, that is how one is used. Prints the corpus's info.
/// </summary>
internal static class CorpusCreateCommand
{
    public static Command Create()
    {
        var corpus = new CorpusArguments();
        var input = new CorpusInputArguments();
        var model = new Option<string>("--model")
        {
            Description = "With --cluster: the NAME of the model the silos serve whose embeddings the corpus holds. In process: a model folder.",
            Required = true,
        };
        var shards = new Option<int>("--shards") { Description = "Shards the rows are spread over.", DefaultValueFactory = _ => CorpusClient.DefaultShards };
        var precision = new Option<string>("--precision")
        {
            Description = "float32, or float16 (half the memory and storage; scores within 1e-3).",
            DefaultValueFactory = _ => "float32",
        };
        var export = new Option<string?>("--export") { Description = "After adding, write the corpus's rows in the order added to this float32 .npy." };
        var json = CommandOutput.JsonSwitch();
        var command = new Command("create", "Create a corpus (and optionally add rows and export them in the same command).");
        corpus.AddTo(command);
        command.Options.Add(model);
        command.Options.Add(shards);
        command.Options.Add(precision);
        input.AddTo(command);
        command.Options.Add(export);
        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = corpus.CheckedName(parse);
            var modelName = parse.GetRequiredValue(model);
            var shardCount = parse.GetValue(shards);
            if (shardCount is < 1 or > CorpusSpec.MaxShards)
            {
                throw new CliException($"--shards must be 1 to {CorpusSpec.MaxShards}, not {shardCount}");
            }

            StoragePrecision storage;
            try
            {
                storage = StoragePrecisionNames.Parse(parse.GetValue(precision)!);
            }
            catch (ArgumentException)
            {
                throw new CliException($"--precision must be float32 or float16, not '{parse.GetValue(precision)}'");
            }

            var embedded = parse.GetValue(corpus.Cluster) is null;
            if (!embedded && !Grains.Contracts.ModelNames.IsValid(modelName))
            {
                throw new CliException($"--model '{modelName}' is not a model name: with --cluster it names a model the silos serve");
            }

            // Checked in full before the corpus is made, so bad input leaves nothing behind.
            var source = input.IsGiven(parse) ? input.Open(parse) : null;
            await using var session = await corpus.OpenAsync(parse, embedded ? modelName : null, cancellationToken);
            var info = await session.Corpora.CreateAsync(name, session.Model ?? modelName, shardCount, storage, cancellationToken);
            if (source is not null)
            {
                await CorpusAddition.RunAsync(session, name, source, input.Options(parse, null), cancellationToken);
                info = await session.Corpora.GetInfoAsync(name, cancellationToken);
            }

            if (parse.GetValue(export) is { } path)
            {
                await CorpusExportFile.WriteAsync(session, name, path, cancellationToken);
            }

            CorpusInfoOutput.Write(info, parse.GetValue(json));
            return 0;
        });
        return command;
    }
}
