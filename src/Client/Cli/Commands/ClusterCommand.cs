using System.CommandLine;
using Similarity.Cli.Commands.Models;
using Similarity.Cli.Commands.Streaming;
using Similarity.Cli.IO;
using Similarity.Grains.Clustering;
using Similarity.Inference.Models.Folders;
using Similarity.Inference.Tensors;

namespace Similarity.Cli.Commands;

/// <summary>
/// <c>simctl cluster</c>: community detection, as JSON lines. The rows are an embeddings .npy (<c>--embeddings</c>), or
/// texts (<c>--input</c>, one per line) that <c>--model</c> encodes first, in this process or through <c>--cluster</c>;
/// members are row (line) indices from 0.
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
        var threshold = new Option<double>("--threshold") { Description = "Cosine a row needs to join a community", DefaultValueFactory = _ => CommunityDetector.DefaultThreshold };
        var minSize = new Option<int>("--min-size") { Description = "Members a community needs", DefaultValueFactory = _ => CommunityDetector.DefaultMinCommunitySize };
        var threads = EmbeddingInputs.Threads();
        var output = CommandOutput.Option("the JSON lines");
        var command = new Command("cluster", "Community detection: one JSON line per community, {\"centre\": i, \"members\": [...]}, largest first.")
        {
            embeddings, input,
        };
        model.AddTo(command, batching: false);
        command.Options.Add(threshold);
        command.Options.Add(minSize);
        command.Options.Add(threads);
        command.Options.Add(output);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var bar = parse.GetValue(threshold);
            if (!double.IsFinite(bar))
            {
                throw new CliException($"--threshold must be a finite number, got {bar}");
            }

            var size = EmbeddingInputs.AtLeastOne(parse.GetValue(minSize), "--min-size");
            var kernels = EmbeddingInputs.Kernels(parse.GetValue(threads));
            var rows = (parse.GetValue(embeddings), parse.GetValue(model.Model), parse.GetValue(input)) switch
            {
                ({ } path, null, null) => EmbeddingInputs.Read(path, "--embeddings"),
                (null, not null, { } texts) => await EncodeAsync(model.Request(parse), texts, cancellationToken),
                (null, not null, null) => throw new CliException("--model needs --input: the texts to encode and group"),
                (null, null, not null) => throw new CliException("--input needs --model: the model that encodes the texts"),
                (null, null, null) => throw new CliException("give --embeddings FILE.npy, or --model and --input to encode texts first"),
                _ => throw new CliException("give either --embeddings or --model with --input, not both"),
            };

            var communities = CommunityDetector.Detect(rows, bar, size, kernels, cancellationToken);

            using var lines = new JsonLinesOutput(parse.GetValue(output));
            foreach (var community in communities)
            {
                lines.WriteCommunity(community.Centre, [.. community.Members.Select(m => (long)m)]);
            }

            return 0;
        });

        return command;
    }

    /// <summary>Embeds every line of <paramref name="input"/> in order, through <see cref="EncodeCommand.EncodeLinesAsync"/>.</summary>
    private static async Task<EmbeddingMatrix> EncodeAsync(ModelRequest request, string input, CancellationToken cancellationToken)
    {
        using var reader = new LineChunkReader(input);
        await using var model = await ModelSource.OpenAsync(request, ModelFolderKind.SentenceTransformer, cancellationToken);
        var rows = new MatrixRowWriter(model.Encoder.Dimension);
        await EncodeCommand.EncodeLinesAsync(model, reader, rows, cancellationToken);
        return rows.Matrix;
    }
}
