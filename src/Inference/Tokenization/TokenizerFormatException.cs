namespace Similarity.Inference.Tokenization;

/// <summary>
/// A tokenizer.json that is malformed or uses a component this reader does not support; the message names
/// the file, the JSON path and the component type so the user can find the offending entry.
/// </summary>
public sealed class TokenizerFormatException : Exception
{
    /// <summary>Reports <paramref name="problem"/> at <paramref name="jsonPath"/> of <paramref name="sourceName"/>.</summary>
    public TokenizerFormatException(string sourceName, string jsonPath, string? componentType, string problem, Exception? inner = null)
        : base(Describe(sourceName, jsonPath, componentType, problem), inner)
    {
        SourceName = sourceName;
        JsonPath = jsonPath;
        ComponentType = componentType;
        Problem = problem;
    }

    /// <summary>The file (or name) the JSON came from.</summary>
    public string SourceName { get; }

    /// <summary>Where in the document, e.g. <c>$.normalizer.normalizers[2]</c>.</summary>
    public string JsonPath { get; }

    /// <summary>The component's <c>type</c>, when known (e.g. <c>BPE</c>, <c>ByteLevel</c>).</summary>
    public string? ComponentType { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    private static string Describe(string sourceName, string jsonPath, string? componentType, string problem) =>
        componentType is null
            ? $"{sourceName}: {jsonPath}: {problem}"
            : $"{sourceName}: {jsonPath} ({componentType}): {problem}";
}
