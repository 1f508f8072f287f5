namespace Similarity.Inference.Tokenization.Models;

/// <summary>The <c>model</c> of tokenizer.json: turns one word into vocabulary tokens.</summary>
internal interface ITokenizerModel
{
    int VocabularySize { get; }

    /// <summary>Appends the tokens of <paramref name="word"/>; their offsets are UTF-16 indices into the word.</summary>
    void Tokenize(ReadOnlySpan<char> word, List<ModelToken> output);

    int? TokenToId(ReadOnlySpan<char> token);

    string? IdToToken(int id);
}
