using Similarity.Inference.Tokenization.Text;

namespace Similarity.Inference.Tokenization.Json;

/// <summary>Reads the <c>{"String": ...}</c> / <c>{"Regex": ...}</c> patterns of Replace and Split.</summary>
internal static class PatternReader
{
    public static TextPattern Read(JsonSection node, string component)
    {
        if (node.TryGet("String", out var literal))
        {
            return new LiteralPattern(literal.AsString(component));
        }

        if (node.TryGet("Regex", out var regex))
        {
            var source = regex.AsString(component);
            try
            {
                return new RegexPattern(source);
            }
            catch (ArgumentException e)
            {
                throw regex.Error($"cannot compile the regex '{source}': {e.Message}", component);
            }
        }

        throw node.Error("a pattern must be {\"String\": ...} or {\"Regex\": ...}", component);
    }

    public static SplitDelimiterBehavior ReadBehavior(JsonSection node, string component) => node.AsString(component) switch
    {
        "Removed" => SplitDelimiterBehavior.Removed,
        "Isolated" => SplitDelimiterBehavior.Isolated,
        "MergedWithPrevious" => SplitDelimiterBehavior.MergedWithPrevious,
        "MergedWithNext" => SplitDelimiterBehavior.MergedWithNext,
        "Contiguous" => SplitDelimiterBehavior.Contiguous,
        var other => throw node.Error($"unknown split behavior '{other}'", component),
    };

    /// <summary>A single character such as Metaspace's replacement.</summary>
    public static char ReadCharacter(JsonSection node, string component)
    {
        var text = node.AsString(component);
        return text.Length == 1 ? text[0] : throw node.Error($"expected a single character, found '{text}'", component);
    }
}
