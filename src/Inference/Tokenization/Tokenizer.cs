using Similarity.Inference.Tokenization.BertVocabulary;
using Similarity.Inference.Tokenization.Json;

namespace Similarity.Inference.Tokenization;

/// <summary>
/// A Hugging Face tokenizer read from tokenizer.json, producing the same ids, type ids, masks and offsets as
/// the Rust <c>tokenizers</c> library. Immutable and thread-safe; <see cref="WithTruncation"/> and
/// <see cref="WithPadding"/> return adjusted copies sharing the vocabulary.
/// </summary>
public sealed class Tokenizer
{
    private readonly TokenizerPipeline _pipeline;

    private Tokenizer(TokenizerPipeline pipeline, TruncationOptions? truncation, PaddingOptions? padding, string sourceName)
    {
        _pipeline = pipeline;
        Truncation = truncation;
        Padding = padding;
        SourceName = sourceName;
    }

    /// <summary>Truncation applied by every encode call (from the file unless replaced); null = none.</summary>
    public TruncationOptions? Truncation { get; }

    /// <summary>Padding applied by every encode call (from the file unless replaced); null = none.</summary>
    public PaddingOptions? Padding { get; }

    /// <summary>Where the tokenizer was read from, for messages.</summary>
    public string SourceName { get; }

    /// <summary>Number of ids the model knows (added tokens outside the model vocabulary not counted).</summary>
    public int VocabularySize => _pipeline.Model.VocabularySize;

    /// <summary>Reads a tokenizer.json file, or the tokenizer.json inside a folder.</summary>
    public static Tokenizer Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = Directory.Exists(path) ? Path.Combine(path, "tokenizer.json") : path;
        if (!File.Exists(file))
        {
            throw new FileNotFoundException(
                Directory.Exists(path) ? $"no tokenizer.json in folder '{path}'" : $"tokenizer file not found: '{path}'",
                file);
        }

        var fullPath = Path.GetFullPath(file);
        return Parse(File.ReadAllText(fullPath), fullPath);
    }

    /// <summary>Reads tokenizer.json text; <paramref name="sourceName"/> names it in error messages.</summary>
    public static Tokenizer Parse(string json, string sourceName = "tokenizer.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        var (pipeline, truncation, padding) = TokenizerJsonReader.Read(json, sourceName);
        return new Tokenizer(pipeline, truncation, padding, sourceName);
    }

    /// <summary>
    /// The BERT WordPiece tokenizer of a folder without tokenizer.json: <paramref name="vocabularyPath"/> (vocab.txt) with
    /// the settings of <paramref name="configPath"/> (tokenizer_config.json; transformers' defaults when null or absent).
    /// A special token the vocabulary lacks is a <see cref="TokenizerFormatException"/> naming vocab.txt and the token.
    /// </summary>
    public static Tokenizer FromBertVocabulary(string vocabularyPath, string? configPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(vocabularyPath);
        var vocabulary = Path.GetFullPath(vocabularyPath);
        if (!File.Exists(vocabulary))
        {
            throw new FileNotFoundException($"vocabulary file not found: '{vocabulary}'", vocabulary);
        }

        var config = configPath is not null && File.Exists(configPath) ? BertTokenizerConfig.Read(Path.GetFullPath(configPath)) : BertTokenizerConfig.Default;
        var configSource = configPath is not null && File.Exists(configPath) ? Path.GetFullPath(configPath) : "transformers' BertTokenizer defaults";
        return new Tokenizer(BertVocabularyPipeline.Build(vocabulary, config, configSource), null, null, vocabulary);
    }

    /// <summary>A copy that truncates with <paramref name="truncation"/> (null disables truncation).</summary>
    public Tokenizer WithTruncation(TruncationOptions? truncation)
    {
        if (truncation is { MaxLength: < 0 })
        {
            throw new ArgumentOutOfRangeException(nameof(truncation), truncation.MaxLength, "MaxLength must not be negative.");
        }

        return new Tokenizer(_pipeline, truncation, Padding, SourceName);
    }

    /// <summary>A copy that pads with <paramref name="padding"/> (null disables padding).</summary>
    public Tokenizer WithPadding(PaddingOptions? padding)
    {
        if (padding is { FixedLength: < 0 } or { PadToMultipleOf: < 0 })
        {
            throw new ArgumentOutOfRangeException(nameof(padding), padding, "Padding lengths must not be negative.");
        }

        return new Tokenizer(_pipeline, Truncation, padding, SourceName);
    }

    /// <summary>Encodes one text (truncated and padded as configured; a batch-longest padding pads to its own length).</summary>
    public TokenizedText Encode(string text, bool addSpecialTokens = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _pipeline.Encode(text, null, addSpecialTokens, Truncation, Padding);
    }

    /// <summary>Encodes a pair of texts (e.g. a query and a passage for a cross-encoder).</summary>
    public TokenizedText EncodePair(string text, string pair, bool addSpecialTokens = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(pair);
        return _pipeline.Encode(text, pair, addSpecialTokens, Truncation, Padding);
    }

    /// <summary>
    /// Only the ids and type ids of a text (or pair), truncated as configured and never padded: what a model is fed,
    /// without building the token strings, offsets and masks <see cref="Encode"/> also returns.
    /// </summary>
    internal (int[] Ids, int[] TypeIds) EncodeIds(string text, string? pair)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoding = _pipeline.EncodeUnpadded(text, pair, addSpecialTokens: true, Truncation, idsOnly: true);
        return (encoding.Ids.ToArray(), encoding.TypeIds.ToArray());
    }

    /// <summary>Encodes several texts and pads them together (to the longest, or the fixed length).</summary>
    public IReadOnlyList<TokenizedText> EncodeBatch(IReadOnlyList<string> texts, bool addSpecialTokens = true)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var results = new TokenizedText[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            results[i] = Encode(texts[i] ?? throw new ArgumentException($"text {i} of the batch is null", nameof(texts)), addSpecialTokens);
        }

        return PadBatch(results);
    }

    /// <summary>Encodes several pairs and pads them together.</summary>
    public IReadOnlyList<TokenizedText> EncodePairBatch(IReadOnlyList<(string Text, string Pair)> pairs, bool addSpecialTokens = true)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var results = new TokenizedText[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            results[i] = EncodePair(pairs[i].Text, pairs[i].Pair, addSpecialTokens);
        }

        return PadBatch(results);
    }

    /// <summary>The id of a token (added tokens first, then the model vocabulary), or null.</summary>
    public int? TokenToId(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return _pipeline.TokenToId(token);
    }

    /// <summary>The token string of an id, or null when no token has it.</summary>
    public string? IdToToken(int id) => _pipeline.IdToToken(id);

    /// <summary>Turns ids back into text with the file's decoder; special tokens are dropped when <paramref name="skipSpecialTokens"/>.</summary>
    public string Decode(IReadOnlyList<int> ids, bool skipSpecialTokens = true)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return _pipeline.Decode(ids, skipSpecialTokens);
    }

    /// <summary>The normalizer applied to a whole text, for inspection (encoding splits added tokens out first).</summary>
    public string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _pipeline.Normalize(text);
    }

    /// <summary>The pre-tokenizer applied to a (normalized) text, for inspection: the pieces and their UTF-16 spans in it.</summary>
    public IReadOnlyList<(string Piece, (int Start, int End) Offsets)> PreTokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _pipeline.PreTokenize(text);
    }

    private TokenizedText[] PadBatch(TokenizedText[] results)
    {
        if (Padding is null || results.Length == 0)
        {
            return results;
        }

        var longest = 0;
        foreach (var result in results)
        {
            longest = Math.Max(longest, result.Length);
        }

        var length = Padding.TargetLength(longest);
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = results[i].PadTo(length, Padding);
        }

        return results;
    }
}
