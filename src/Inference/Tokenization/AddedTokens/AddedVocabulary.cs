using Similarity.Inference.Tokenization.Normalizers;
using Similarity.Inference.Tokenization.Text;

namespace Similarity.Inference.Tokenization.AddedTokens;

/// <summary>
/// Finds added tokens in text the way Hugging Face's <c>AddedVocabulary</c> does: tokens with
/// <c>normalized: false</c> are matched case-sensitively in the raw text first; the rest of the text is then
/// normalized and tokens with <c>normalized: true</c> are matched in it (against their normalized content).
/// Matching is leftmost-longest; <c>single_word</c>, <c>lstrip</c> and <c>rstrip</c> apply per match.
/// </summary>
internal sealed class AddedVocabulary
{
    private readonly Dictionary<int, AddedToken> _byId = [];
    private readonly Dictionary<string, int> _idByContent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _idLookup;
    private readonly HashSet<string> _special = new(StringComparer.Ordinal);

    public AddedVocabulary(IReadOnlyList<AddedToken> tokens, INormalizer? normalizer)
    {
        _idLookup = _idByContent.GetAlternateLookup<ReadOnlySpan<char>>();
        var raw = new List<AddedToken>();
        var normalized = new List<(AddedToken Token, string Pattern)>();
        foreach (var token in tokens)
        {
            if (token.Content.Length == 0)
            {
                continue;
            }

            _byId[token.Id] = token;
            _idByContent[token.Content] = token.Id;
            if (token.Special)
            {
                _special.Add(token.Content);
            }
        }

        foreach (var token in _byId.Values)
        {
            if (token.Normalized)
            {
                normalized.Add((token, NormalizeContent(token.Content, normalizer)));
            }
            else
            {
                raw.Add(token);
            }
        }

        RawSplitter = new AddedTokenSplitter(new AddedTokenMatcher(raw.Select(token => (token, token.Content)).ToList()), normalizer: null);
        NormalizingSplitter = new AddedTokenSplitter(new AddedTokenMatcher(normalized), normalizer);
    }

    /// <summary>Cuts out tokens matched in the raw text (first pass).</summary>
    public IPieceSplitter RawSplitter { get; }

    /// <summary>Normalizes each remaining piece, then cuts out tokens matched in the normalized text (second pass).</summary>
    public IPieceSplitter NormalizingSplitter { get; }

    public int? TokenToId(ReadOnlySpan<char> token) => _idLookup.TryGetValue(token, out var id) ? id : null;

    public string? IdToToken(int id) => _byId.TryGetValue(id, out var token) ? token.Content : null;

    public bool IsSpecial(string token) => _special.Contains(token);

    private static string NormalizeContent(string content, INormalizer? normalizer)
    {
        if (normalizer is null)
        {
            return content;
        }

        var arena = new TextArena();
        var text = arena.FromOriginal(content, 0);
        normalizer.Normalize(text);
        return text.ToString();
    }
}
