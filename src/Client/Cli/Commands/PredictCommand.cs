using System.CommandLine;
using Similarity.Cli.Commands.Models;
using Similarity.Cli.Commands.Streaming;
using Similarity.Cli.IO;
using Similarity.Inference.Models;
using Similarity.Inference.Models.Folders;

namespace Similarity.Cli.Commands;

/// <summary>
/// <c>simctl predict</c>: a cross-encoder scores text pairs. Input: one pair per line, <c>text1&lt;TAB&gt;text2</c> (exactly
/// one tab; either text may be empty). Output: JSON lines <c>{"scores": [...]}</c>, the probability of each label, in input order.
/// The model is a folder run in this process, or with <c>--cluster</c> a cross-encoder the cluster's silos serve.
/// </summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var model = new ModelArguments();
        var inputOption = new Option<string?>("--input") { Description = "Pairs, one per line as text1<TAB>text2, UTF-8 (default: stdin)." };
        var outputOption = CommandOutput.Option("the JSON lines");
        var command = new Command("predict", "Score text pairs (text1<TAB>text2 per line) with a cross-encoder.");
        model.AddTo(command);
        command.Options.Add(inputOption);
        command.Options.Add(outputOption);
        command.SetAction((parse, cancellationToken) => RunAsync(
            model.Request(parse),
            parse.GetValue(inputOption),
            parse.GetValue(outputOption),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ModelRequest request, string? input, string? output, CancellationToken cancellationToken)
    {
        using var reader = new LineChunkReader(input);
        await using var model = await ModelSource.OpenAsync(request, ModelFolderKind.CrossEncoder, cancellationToken);
        var classifier = model.Classifier;
        await using var writer = new JsonLinesRowWriter(CommandOutput.OpenStream(output), "scores");
        await TerminalProgress.RunAsync($"predict {model.Name}", async progress =>
        {
            progress.Report(0, reader.Length);
            return await ChunkedModelRun.RunAsync(
                reader,
                (line, number) => ParsePair(line, number, reader.Name),
                classifier.PredictAsync,
                writer,
                (_, position) => progress.Report(position, reader.Length),
                cancellationToken);
        });
        return 0;
    }

    private static TextPair ParsePair(string line, int lineNumber, string inputName)
    {
        var tab = line.IndexOf('\t');
        if (tab < 0)
        {
            throw new CliException($"{inputName} line {lineNumber}: no tab; each line must be text1<TAB>text2");
        }

        if (line.IndexOf('\t', tab + 1) >= 0)
        {
            throw new CliException($"{inputName} line {lineNumber}: more than one tab; each line must be text1<TAB>text2");
        }

        return new TextPair(line[..tab], line[(tab + 1)..]);
    }
}
