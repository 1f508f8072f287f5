using System.CommandLine;
using System.Globalization;
using Similarity.Cli.Commands.Models;
using Similarity.Cli.Commands.Streaming;
using Similarity.Cli.IO;
using Similarity.Inference.Models.Folders;

namespace Similarity.Cli.Commands;

/// <summary>
/// <c>simctl encode</c>: one UTF-8 text per input line → one embedding per text, in input order. Every line is a text,
/// an empty line included (it becomes the embedding of the empty string); a final newline does not add a text. Output:
/// JSON lines <c>{"embedding": [...]}</c> (shortest round-trip floats) or a float32 .npy [texts × dimension]. The model is
/// a folder run in this process, or with <c>--cluster</c> a model the cluster's silos serve.
/// </summary>
internal static class EncodeCommand
{
    public static Command Create()
    {
        var model = new ModelArguments();
        var inputOption = new Option<string?>("--input") { Description = "Texts, one per line, UTF-8 (default: stdin). Empty lines are texts too." };
        var outputOption = CommandOutput.Option("the embeddings");
        var formatOption = new Option<string>("--format")
        {
            Description = "jsonl ({\"embedding\": [...]} per line) or npy (float32 [texts, dimension]).",
            DefaultValueFactory = _ => "jsonl",
        };
        var command = new Command("encode", "Embed texts (one per line) with a sentence-transformers model.");
        model.AddTo(command);
        command.Options.Add(inputOption);
        command.Options.Add(outputOption);
        command.Options.Add(formatOption);
        command.SetAction((parse, cancellationToken) => RunAsync(
            model.Request(parse),
            parse.GetValue(inputOption),
            parse.GetValue(outputOption),
            parse.GetValue(formatOption)!,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ModelRequest request, string? input, string? output, string format, CancellationToken cancellationToken)
    {
        var npy = format.ToLowerInvariant() switch
        {
            "jsonl" => false,
            "npy" => true,
            _ => throw new CliException($"unknown --format '{format}'; expected jsonl or npy"),
        };

        using var reader = new LineChunkReader(input);
        await using var model = await ModelSource.OpenAsync(request, ModelFolderKind.SentenceTransformer, cancellationToken);
        var stream = CommandOutput.OpenStream(output);
        await using IRowWriter writer = npy ? new NpyRowWriter(stream, model.Encoder.Dimension) : new JsonLinesRowWriter(stream, "embedding");
        await EncodeLinesAsync(model, reader, writer, cancellationToken);
        return 0;
    }

    /// <summary>
    /// Embeds every line of <paramref name="reader"/> in order into <paramref name="rows"/>, a chunk at a time, with a
    /// progress bar on a terminal: the path <c>encode</c> and <c>cluster --model --input</c> share.
    /// </summary>
    internal static Task<long> EncodeLinesAsync(ModelSource model, LineChunkReader reader, IRowWriter rows, CancellationToken cancellationToken) =>
        TerminalProgress.RunAsync($"encode {model.Name}", progress =>
        {
            progress.Report(0, reader.Length);
            return ChunkedModelRun.RunAsync(
                reader,
                static (line, _) => line,
                model.Encoder.EncodeAsync,
                rows,
                (texts, position) => progress.Report(position, reader.Length, string.Create(CultureInfo.InvariantCulture, $"({texts} texts)")),
                cancellationToken);
        });
}
