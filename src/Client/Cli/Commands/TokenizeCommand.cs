using System.CommandLine;
using System.Text.Json;
using Similarity.Cli.IO;
using Similarity.Inference.Tokenization;

namespace Similarity.Cli.Commands;

/// <summary>
/// <c>simctl tokenize</c>: JSON lines <c>{"text": ..., "pair": ...}</c> in, <c>{"ids", "type_ids", "attention_mask"}</c>
/// lines out, with a Hugging Face tokenizer.json. Never pads; truncates only with <c>--max-length</c>
/// (longest-first for pairs), whatever the file itself configures.
/// </summary>
internal static class TokenizeCommand
{
    public static Command Create()
    {
        var tokenizerOption = new Option<string>("--tokenizer")
        {
            Description = "tokenizer.json, or a model folder that contains one.",
            Required = true,
        };
        var maxLengthOption = new Option<int?>("--max-length")
        {
            Description = "Truncate to this many tokens, special tokens included (longest text of a pair first).",
        };
        var inputOption = new Option<string?>("--input") { Description = "JSON lines {\"text\": ..., \"pair\": ...} (default: stdin)." };
        var outputOption = CommandOutput.Option("the JSON lines");
        var command = new Command("tokenize", "Tokenize JSON lines with a Hugging Face tokenizer.json.")
        {
            tokenizerOption,
            maxLengthOption,
            inputOption,
            outputOption,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(tokenizerOption)!,
            parse.GetValue(maxLengthOption),
            parse.GetValue(inputOption),
            parse.GetValue(outputOption),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string tokenizerPath, int? maxLength, string? input, string? output, CancellationToken cancellationToken)
    {
        if (maxLength is <= 0)
        {
            throw new CliException($"--max-length must be a positive number of tokens, not {maxLength}");
        }

        var tokenizer = Tokenizer.Load(tokenizerPath)
            .WithPadding(null)
            .WithTruncation(maxLength is { } length ? new TruncationOptions(length) : null);
        var inputName = CommandInput.DisplayName(input);
        using var lines = new JsonLinesOutput(output);
        var lineNumber = 0;
        await foreach (var line in CommandInput.ReadLinesAsync(input, cancellationToken))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var (text, pair) = ReadRecord(line, lineNumber, inputName);
            var encoding = pair is null ? tokenizer.Encode(text) : tokenizer.EncodePair(text, pair);
            var json = lines.Line;
            json.WriteStartObject();
            WriteArray(json, "ids", encoding.Ids);
            WriteArray(json, "type_ids", encoding.TypeIds);
            WriteArray(json, "attention_mask", encoding.AttentionMask);
            json.WriteEndObject();
            lines.EndLine();
        }

        return 0;
    }

    private static (string Text, string? Pair) ReadRecord(string line, int lineNumber, string inputName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new CliException($"malformed JSON at line {lineNumber} of {inputName}: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new CliException($"line {lineNumber} of {inputName} is not a JSON object");
            }

            if (!root.TryGetProperty("text", out var text) || text.ValueKind == JsonValueKind.Null)
            {
                throw new CliException($"missing \"text\" at line {lineNumber} of {inputName}");
            }

            if (text.ValueKind != JsonValueKind.String)
            {
                throw new CliException($"\"text\" at line {lineNumber} of {inputName} must be a string");
            }

            string? pair = null;
            if (root.TryGetProperty("pair", out var pairElement) && pairElement.ValueKind != JsonValueKind.Null)
            {
                pair = pairElement.ValueKind == JsonValueKind.String
                    ? pairElement.GetString()
                    : throw new CliException($"\"pair\" at line {lineNumber} of {inputName} must be a string");
            }

            return (text.GetString()!, pair);
        }
    }

    private static void WriteArray(Utf8JsonWriter json, string name, int[] values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }
}
