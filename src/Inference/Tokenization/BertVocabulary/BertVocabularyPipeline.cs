using Similarity.Inference.Tokenization.AddedTokens;
using Similarity.Inference.Tokenization.Decoders;
using Similarity.Inference.Tokenization.Models;
using Similarity.Inference.Tokenization.Normalizers;
using Similarity.Inference.Tokenization.PostProcessors;
using Similarity.Inference.Tokenization.PreTokenizers;

namespace Similarity.Inference.Tokenization.BertVocabulary;

/// <summary>
/// The BERT WordPiece pipeline built from a <c>vocab.txt</c> (one token per line, the line number is its id) and the
/// settings of <c>tokenizer_config.json</c>, the way transformers converts a slow <c>BertTokenizer</c> into a fast one:
/// BertNormalizer → BertPreTokenizer → WordPiece (<c>##</c>, 100 characters a word) → [CLS] A [SEP] (B [SEP]), with the
/// five special tokens matched in the raw text. For model folders that ship no tokenizer.json.
/// </summary>
internal static class BertVocabularyPipeline
{
    private const string ContinuingSubwordPrefix = "##";
    private const int MaxInputCharsPerWord = 100;

    public static TokenizerPipeline Build(string vocabularyPath, BertTokenizerConfig config, string configSource)
    {
        var ids = ReadVocabulary(vocabularyPath);
        foreach (var (key, token) in config.SpecialTokens)
        {
            if (!ids.ContainsKey(token))
            {
                throw new TokenizerFormatException(
                    vocabularyPath, "vocab.txt", null, $"has no line '{token}', the {key} that {configSource} names: the vocabulary and its tokenizer settings do not belong together");
            }
        }

        var normalizer = new BertNormalizer(cleanText: true, config.TokenizeChineseChars, config.StripAccents, config.DoLowerCase);
        var added = config.SpecialTokens
            .Select(special => special.Token)
            .Distinct(StringComparer.Ordinal)
            .Select(token => new AddedToken(ids[token], token, Special: true, SingleWord: false, LeftStrip: false, RightStrip: false, Normalized: false))
            .OrderBy(token => token.Id)
            .ToList();
        return new TokenizerPipeline(
            new WordPieceModel(new Vocabulary(ids), config.UnknownToken, ContinuingSubwordPrefix, MaxInputCharsPerWord),
            normalizer,
            new BertPreTokenizer(),
            new BertProcessing((config.SeparatorToken, ids[config.SeparatorToken]), (config.ClassifierToken, ids[config.ClassifierToken])),
            new WordPieceDecoder(ContinuingSubwordPrefix, cleanup: true),
            new AddedVocabulary(added, normalizer));
    }

    /// <summary>Token → id from the file's lines (LF or CRLF); a token listed twice keeps its last line, as transformers reads it.</summary>
    private static Dictionary<string, int> ReadVocabulary(string path)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var id = 0;
        foreach (var line in File.ReadLines(path))
        {
            ids[line.TrimEnd('\r', '\n')] = id++;
        }

        if (ids.Count == 0)
        {
            throw new TokenizerFormatException(path, "vocab.txt", null, "is empty: a WordPiece vocabulary lists one token per line");
        }

        return ids;
    }
}
