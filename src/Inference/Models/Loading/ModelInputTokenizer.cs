using Similarity.Inference.Batching;
using Similarity.Inference.Models.CrossEncoders;
using Similarity.Inference.Models.Folders;
using Similarity.Inference.Models.SentenceTransformers;
using Similarity.Inference.Tokenization;

namespace Similarity.Inference.Models.Loading;

/// <summary>
/// Tokenises texts exactly as sentence-transformers feeds a model: the folder's tokenizer.json (or, without one, the BERT
/// WordPiece pipeline of its vocab.txt and tokenizer_config.json) with its own truncation and
/// padding replaced by longest-first truncation to the model's maximum length and no padding (the batcher pads), after
/// lower-casing like Python's <c>str.lower()</c> when the Transformer module says <c>do_lower_case</c>. Thread-safe.
/// </summary>
public sealed class ModelInputTokenizer : ITokenEncoder
{
    private readonly Tokenizer _tokenizer;

    /// <summary>Wraps <paramref name="tokenizer"/>, replacing its truncation and padding with the model's.</summary>
    public ModelInputTokenizer(Tokenizer tokenizer, int maxLength, bool lowerCase = false, TruncationDirection direction = TruncationDirection.Right)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        _tokenizer = tokenizer
            .WithPadding(null)
            .WithTruncation(new TruncationOptions(maxLength, TruncationStrategy.LongestFirst, direction));
        MaxLength = maxLength;
        LowerCase = lowerCase;
    }

    /// <summary>The configured tokenizer (truncating, never padding).</summary>
    public Tokenizer Tokenizer => _tokenizer;

    /// <summary>Most tokens per text or pair, special tokens included.</summary>
    public int MaxLength { get; }

    /// <summary>Whether texts are lower-cased (Python-style) before tokenising.</summary>
    public bool LowerCase { get; }

    /// <summary>The tokenizer of a bi-encoder's Transformer module, truncating to its max_seq_length and honouring do_lower_case.</summary>
    public static ModelInputTokenizer For(SentenceTransformerPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return new ModelInputTokenizer(LoadTokenizer(pipeline.TokenizerPath), pipeline.MaxSequenceLength, pipeline.DoLowerCase, TruncationSide(pipeline.Transformer.Folder));
    }

    /// <summary>The tokenizer of a cross-encoder folder, truncating pairs (longest first) to its maximum length.</summary>
    public static ModelInputTokenizer For(CrossEncoderPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return new ModelInputTokenizer(LoadTokenizer(pipeline.TokenizerPath), pipeline.MaxSequenceLength, lowerCase: false, TruncationSide(pipeline.Folder));
    }

    public EncodedText Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (ids, typeIds) = _tokenizer.EncodeIds(Prepare(text), null);
        return new EncodedText(ids, typeIds);
    }

    public EncodedText EncodePair(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var (ids, typeIds) = _tokenizer.EncodeIds(Prepare(first), Prepare(second));
        return new EncodedText(ids, typeIds);
    }

    /// <summary>The text as sentence-transformers hands it to the tokenizer: lower-cased first when the model says so.</summary>
    private string Prepare(string text) => LowerCase ? PythonLowercasing.Apply(text) : text;

    private static Tokenizer LoadTokenizer(string path)
    {
        if (!File.Exists(path))
        {
            throw new ModelFileNotFoundException(path, $"Missing '{path}': the model needs its Hugging Face tokenizer.json, or a BERT {ModelFolder.VocabularyFile} beside it (spiece.model alone cannot be read; save the tokenizer with a fast tokenizer).");
        }

        return Path.GetFileName(path) == ModelFolder.VocabularyFile
            ? Tokenizer.FromBertVocabulary(path, Path.Combine(Path.GetDirectoryName(path)!, "tokenizer_config.json"))
            : Tokenizer.Load(path);
    }

    /// <summary>tokenizer_config.json's truncation_side, which transformers applies when it truncates (default right).</summary>
    private static TruncationDirection TruncationSide(string folder)
    {
        var config = ConfigFile.ReadOptional(Path.Combine(folder, "tokenizer_config.json"));
        return config?.OptionalString("truncation_side") switch
        {
            null or "right" => TruncationDirection.Right,
            "left" => TruncationDirection.Left,
            var other => throw new ModelConfigException(config.Path, $"'{config.Path}': truncation_side must be \"right\" or \"left\", got \"{other}\"."),
        };
    }
}
