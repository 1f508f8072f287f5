using Similarity.Inference.Tokenization.AddedTokens;
using Similarity.Inference.Tokenization.Decoders;
using Similarity.Inference.Tokenization.Models;
using Similarity.Inference.Tokenization.Normalizers;
using Similarity.Inference.Tokenization.PostProcessors;
using Similarity.Inference.Tokenization.PreTokenizers;
using Similarity.Inference.Tokenization.Text;

namespace Similarity.Inference.Tokenization;

/// <summary>
/// The stages of tokenizer.json wired together, as Hugging Face's <c>TokenizerImpl</c> runs them: added tokens
/// split out of the raw text, normalizer, pre-tokenizer, model, then truncation, post-processor and padding.
/// Immutable and safe to share between threads.
/// </summary>
internal sealed class TokenizerPipeline(
    ITokenizerModel model,
    INormalizer? normalizer,
    IPreTokenizer? preTokenizer,
    IPostProcessor postProcessor,
    IDecoder decoder,
    AddedVocabulary addedVocabulary)
{
    public ITokenizerModel Model => model;

    public TokenizedText Encode(string text, string? pair, bool addSpecialTokens, TruncationOptions? truncation, PaddingOptions? padding)
    {
        var encoding = EncodeUnpadded(text, pair, addSpecialTokens, truncation, idsOnly: false);
        var length = padding?.TargetLength(encoding.Count) ?? encoding.Count;
        return encoding.ToTokenizedText(length, padding);
    }

    /// <summary>
    /// Runs everything but padding, building only ids and type ids when <paramref name="idsOnly"/>; the result lives in
    /// this thread's workspace until the next call.
    /// </summary>
    public EncodingBuffer EncodeUnpadded(string text, string? pair, bool addSpecialTokens, TruncationOptions? truncation, bool idsOnly)
    {
        var workspace = EncodeWorkspace.Rent(idsOnly);
        EncodeSequence(InputText.ReplaceLoneSurrogates(text), 0, workspace, workspace.First);
        if (pair is not null)
        {
            EncodeSequence(InputText.ReplaceLoneSurrogates(pair), 1, workspace, workspace.Second);
        }

        var second = pair is null ? null : workspace.Second;
        if (truncation is not null)
        {
            var reserved = addSpecialTokens ? postProcessor.AddedTokenCount(pair is not null) : 0;
            EncodingTruncator.Truncate(workspace.First, second, truncation, reserved);
        }

        postProcessor.Process(workspace.First, second, addSpecialTokens, workspace.Output);
        return workspace.Output;
    }

    /// <summary>The normalizer applied to the whole text (added tokens are not split out first).</summary>
    public string Normalize(string text)
    {
        var arena = new TextArena();
        var normalized = arena.FromOriginal(InputText.ReplaceLoneSurrogates(text), 0);
        normalizer?.Normalize(normalized);
        return normalized.ToString();
    }

    /// <summary>The pre-tokenizer applied to <paramref name="text"/> as it is: each piece and its span of <paramref name="text"/>.</summary>
    public IReadOnlyList<(string Piece, (int Start, int End) Offsets)> PreTokenize(string text)
    {
        var arena = new TextArena();
        var splits = new PreTokenizedString();
        splits.Reset(arena.FromOriginal(InputText.ReplaceLoneSurrogates(text), 0));
        preTokenizer?.PreTokenize(splits);
        var result = new List<(string, (int, int))>(splits.Count);
        for (var i = 0; i < splits.Count; i++)
        {
            var piece = splits[i].Text;
            result.Add((piece.ToString(), (piece.OriginalStart, piece.OriginalEnd)));
        }

        return result;
    }

    public string Decode(IReadOnlyList<int> ids, bool skipSpecialTokens)
    {
        var tokens = new List<string>(ids.Count);
        foreach (var id in ids)
        {
            var token = addedVocabulary.IdToToken(id) ?? model.IdToToken(id);
            if (token is not null && !(skipSpecialTokens && addedVocabulary.IsSpecial(token)))
            {
                tokens.Add(token);
            }
        }

        return decoder.Decode(tokens);
    }

    public int? TokenToId(string token) => addedVocabulary.TokenToId(token) ?? model.TokenToId(token);

    public string? IdToToken(int id) => addedVocabulary.IdToToken(id) ?? model.IdToToken(id);

    private void EncodeSequence(string text, int typeId, EncodeWorkspace workspace, EncodingBuffer output)
    {
        var splits = workspace.Splits;
        splits.Reset(workspace.Arena.FromOriginal(text, 0));
        splits.Split(addedVocabulary.RawSplitter);
        splits.Split(addedVocabulary.NormalizingSplitter);
        preTokenizer?.PreTokenize(splits);
        var tokens = workspace.ModelTokens;
        for (var word = 0; word < splits.Count; word++)
        {
            var split = splits[word];
            var piece = split.Text;
            if (split.HasToken)
            {
                output.AddWordToken(new ModelToken(split.TokenId, split.TokenValue, 0, piece.Length), typeId, piece, word);
                continue;
            }

            tokens.Clear();
            model.Tokenize(piece.Text, tokens);
            foreach (var token in tokens)
            {
                output.AddWordToken(token, typeId, piece, word);
            }
        }
    }
}
