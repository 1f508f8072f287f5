using System.Collections.Concurrent;
using System.Text.Json;
using Similarity.Inference.Tokenization;
using Similarity.TestSupport;

namespace Similarity.Inference.Tests.Tokenization;

/// <summary>The reference tokenizations made by the Hugging Face library (fixtures/reference/tokenization/*.jsonl).</summary>
public static class ReferenceCases
{
    public static readonly string[] TokenizerNames =
    [
        "all-MiniLM-L6-v2",
        "all-MiniLM-L6-v2-pretty",
        "bert-base-multilingual-cased",
        "all-mpnet-base-v2",
        "albert-base-v2",
        "albert-base-v2-transformers5",
    ];

    private static readonly Lazy<IReadOnlyDictionary<string, JsonElement>> Lines = new(ReadAll);
    private static readonly ConcurrentDictionary<string, Tokenizer> Tokenizers = new();

    /// <summary>Every reference line, named "tokenizer/case/mode".</summary>
    public static IEnumerable<object[]> All() => Where(_ => true);

    /// <summary>The lines of one text or one pair (all but the two batch lines of each tokenizer).</summary>
    public static IEnumerable<object[]> SingleEncodings() => Where(line => line.GetProperty("kind").GetString() != "batch");

    /// <summary>
    /// The single texts encoded without truncation or padding: the lines that also record the normalized text, its
    /// pre-tokens and the decoded ids.
    /// </summary>
    public static IEnumerable<object[]> UntruncatedSingles() =>
        Where(line => line.GetProperty("kind").GetString() == "single" && line.GetProperty("mode").GetString() == "none");

    public static JsonElement Line(string name) => Lines.Value[name];

    /// <summary>The tokenizer as loaded from the fixture file (cached: loading the big vocabularies takes time).</summary>
    public static Tokenizer Tokenizer(string name) =>
        Tokenizers.GetOrAdd(name, static n => Similarity.Inference.Tokenization.Tokenizer.Load(TokenizerPath(n)));

    public static string TokenizerPath(string name) => SharedFolder.Fixture("tokenizers", name, "tokenizer.json");

    public static string ReferencePath(string name) => SharedFolder.Fixture("reference", "tokenization", name + ".jsonl");

    private static IEnumerable<object[]> Where(Func<JsonElement, bool> keep) =>
        Lines.Value.Where(line => keep(line.Value)).Select(line => new object[] { line.Key });

    private static IReadOnlyDictionary<string, JsonElement> ReadAll()
    {
        var lines = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var tokenizer in TokenizerNames)
        {
            foreach (var line in File.ReadLines(ReferencePath(tokenizer)))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var element = JsonDocument.Parse(line).RootElement;
                var name = $"{tokenizer}/{element.GetProperty("case_id").GetString()}/{element.GetProperty("mode").GetString()}";
                lines.Add(name, element);
            }
        }

        return lines;
    }
}
