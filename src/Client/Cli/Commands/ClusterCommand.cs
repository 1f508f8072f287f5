using System.CommandLine;
using Similarity.Cli.Commands.Corpus;
using Similarity.Cli.Commands.Corpus.Sources;
using Similarity.Cli.Commands.Models;
using Similarity.Cli.Commands.Streaming;
using Similarity.Cli.IO;
using Similarity.Client.Corpora;
using Similarity.Grains.Clustering;
using Similarity.Grains.Contracts;
using Similarity.Inference.Models.Folders;
using Similarity.Inference.Tensors;

namespace Similarity.Cli.Commands;

/// <summary>
/// <c>simctl cluster</c>: community detection, as JSON lines. The rows are an embeddings .npy (<c>--embeddings</c>), or
/// texts (<c>--input</c>, one per line) that <c>--model</c> encodes first; members are row (line) indices from 0. In
/// process, or with <c>--cluster</c> as tiles on the silos over a temporary corpus of the rows (texts encoded there).
/// </summary>
internal static class ClusterCommand
{
    public static Command Create()
    {
        var embeddings = new Option<string?>("--embeddings") { Description = "Embeddings (.npy, rows × dims); or give --model and --input" };
        var model = new ModelArguments();
        model.Model.Required = false;
        model.Model.Description = "Encode --input with this model first: a sentence-transformers folder or a cached model name, or with --cluster the NAME of a model the silos serve";
        var input = new Option<string?>("--input") { Description = "With --model: texts to encode and group, one per line (UTF-8; - for stdin)" };
        var community = new CommunityArguments();
        var threads = EmbeddingInputs.Threads();
        var output = CommandOutput.Option("the JSON lines");
        var cluster = new TemporaryCorpusArguments(model.Cluster, model.ClusterId);
        var command = new Command("cluster", "Community detection: one JSON line per community, {\"centre\": i, \"members\": [...]}, largest first.")
        {
            embeddings, input,
        };
        model.AddTo(command, batching: false);
        community.AddTo(command);
        command.Options.Add(threads);
        command.Options.Add(output);
        cluster.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var (bar, size) = community.Checked(parse);
            var kernels = EmbeddingInputs.Kernels(parse.GetValue(threads));
            var rows = (parse.GetValue(embeddings), parse.GetValue(model.Model), parse.GetValue(input)) switch
            {
                ({ } path, null, null) => new Rows(path, null, null),
                (null, not null, { } texts) => new Rows(null, model.Request(parse), texts),
                (null, not null, null) => throw new CliException("--model needs --input: the texts to encode and group"),
                (null, null, not null) => throw new CliException("--input needs --model: the model that encodes the texts"),
                (null, null, null) => throw new CliException("give --embeddings FILE.npy, or --model and --input to encode texts first"),
                _ => throw new CliException("give either --embeddings or --model with --input, not both"),
            };

            var communities = cluster.Connection(parse) is { } connection
                ? await OnSilosAsync(parse, cluster, connection, rows, bar, size, threads, cancellationToken)
                : InProcess(await rows.ReadAsync(cancellationToken), bar, size, kernels, cancellationToken);

            using var lines = new JsonLinesOutput(parse.GetValue(output));
            foreach (var (centre, members) in communities)
            {
                lines.WriteCommunity(centre, members);
            }

            return 0;
        });

        return command;
    }

    private static (long Centre, long[] Members)[] InProcess(EmbeddingMatrix rows, double threshold, int minSize, Grains.Kernels.KernelOptions kernels, CancellationToken cancellationToken) =>
        [.. CommunityDetector.Detect(rows, threshold, minSize, kernels, cancellationToken).Select(c => ((long)c.Centre, c.Members.Select(m => (long)m).ToArray()))];

    /// <summary>The rows loaded into a temporary corpus (texts encoded by the silos' model), communities found as tiles on the silos.</summary>
    private static async Task<(long Centre, long[] Members)[]> OnSilosAsync(
        ParseResult parse, TemporaryCorpusArguments cluster, string connection, Rows rows, double threshold, int minSize, Option<int> threads, CancellationToken cancellationToken)
    {
        EmbeddingInputs.RequireInProcess(parse, threads);
        var model = rows.Model;
        var communities = await cluster.RunAsync(
            parse,
            connection,
            model?.Device ?? DeviceClass.Cpu,
            "cluster",
            await rows.OpenSourceAsync(cancellationToken),
            model?.Model,
            (session, corpus) => TerminalProgress.RunAsync($"cluster {rows.Name}", sink =>
                session.Client.CorpusOperations.ClusterAsync(corpus, threshold, minSize, new OperationBar(sink), cancellationToken)),
            cancellationToken);
        return [.. communities.Select(c => (c.Centre, c.Members))];
    }

    /// <summary>What the command groups: an embeddings file, or texts for a model to encode.</summary>
    private sealed record Rows(string? Embeddings, ModelRequest? Model, string? Texts)
    {
        public string Name => Embeddings ?? CommandInput.DisplayName(Texts);

        /// <summary>The rows in this process: the file read, or the texts encoded through <see cref="EncodeCommand.EncodeLinesAsync"/>.</summary>
        public async Task<EmbeddingMatrix> ReadAsync(CancellationToken cancellationToken)
        {
            if (Embeddings is not null)
            {
                return EmbeddingInputs.Read(Embeddings, "--embeddings");
            }

            using var reader = new LineChunkReader(Texts!);
            await using var model = await ModelSource.OpenAsync(Model!, ModelFolderKind.SentenceTransformer, cancellationToken);
            var rows = new MatrixRowWriter(model.Encoder.Dimension);
            await EncodeCommand.EncodeLinesAsync(model, reader, rows, cancellationToken);
            return rows.Matrix;
        }

        /// <summary>The rows as an add's input: the .npy or text file read batch by batch, or stdin's texts read whole.</summary>
        public async Task<ICorpusSource> OpenSourceAsync(CancellationToken cancellationToken)
        {
            if (Embeddings is not null)
            {
                return new NpyFileSource(Embeddings, CorpusSources.DefaultBatchSize);
            }

            return CommandInput.IsStdin(Texts)
                ? new TextSource(await CommandInput.ReadAllLinesAsync(Texts, cancellationToken), name: "stdin")
                : new TextFileSource(Texts!, CorpusSources.DefaultBatchSize);
        }
    }
}
