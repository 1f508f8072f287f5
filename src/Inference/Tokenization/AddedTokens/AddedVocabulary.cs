using Similarity.Inference.Tokenization.Models;
using Similarity.Inference.Tokenization.Normalizers;
using Similarity.Inference.Tokenization.Text;
using Similarity.Inference.Tokenization.Unicode;

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
    private readonly Matcher _raw;
    private readonly Matcher _normalizedMatcher;

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

        _raw = new Matcher(raw.Select(token => (token, token.Content)).ToList());
        _normalizedMatcher = new Matcher(normalized);
        RawSplitter = new Splitter(_raw, normalizer: null);
        NormalizingSplitter = new Splitter(_normalizedMatcher, normalizer);
    }

    public IReadOnlyCollection<AddedToken> Tokens => _byId.Values;

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

    /// <summary>Leftmost-longest matching of a set of patterns, with each token's strip and single-word rules.</summary>
    private sealed class Matcher
    {
        private readonly CharTrie _trie = new();
        private readonly List<AddedToken> _tokens = [];

        public Matcher(List<(AddedToken Token, string Pattern)> patterns)
        {
            foreach (var (token, pattern) in patterns)
            {
                if (pattern.Length > 0)
                {
                    _trie.Insert(pattern, _tokens.Count);
                    _tokens.Add(token);
                }
            }
        }

        public bool IsEmpty => _tokens.Count == 0;

        /// <summary>Cuts <paramref name="piece"/> into text and matched tokens, in order.</summary>
        public void Split(NormalizedString piece, PreTokenizedString output)
        {
            var text = piece.Text;
            var startOffset = 0;
            var position = 0;
            while (position < text.Length)
            {
                var (patternIndex, matchEnd) = LongestAt(text, position);
                if (patternIndex < 0)
                {
                    position++;
                    continue;
                }

                var token = _tokens[patternIndex];
                var start = position;
                var stop = matchEnd;
                position = matchEnd;
                if (token.SingleWord)
                {
                    var startIsBoundary = start == 0 || !IsWordCharacterBefore(text, start);
                    var stopIsBoundary = stop == text.Length || !IsWordCharacterAt(text, stop);
                    if (!startIsBoundary || !stopIsBoundary)
                    {
                        continue;
                    }
                }

                if (token.LeftStrip)
                {
                    var newStart = start;
                    while (newStart > 0 && IsWhitespaceBefore(text, newStart, out var width))
                    {
                        newStart -= width;
                    }

                    start = Math.Max(newStart, startOffset);
                }

                if (token.RightStrip)
                {
                    while (stop < text.Length && IsWhitespaceAt(text, stop, out var width))
                    {
                        stop += width;
                    }

                    position = stop;
                }

                if (start > startOffset)
                {
                    output.Add(piece.Slice(startOffset, start));
                }

                var slice = piece.Slice(start, stop);
                output.AddToken(slice, token.Id, slice.ToString());
                startOffset = stop;
            }

            // Like the Rust library, even an untouched piece is re-sliced (its original start may move past removed text).
            if (startOffset < text.Length)
            {
                output.Add(piece.Slice(startOffset, text.Length));
            }
        }

        private (int PatternIndex, int End) LongestAt(ReadOnlySpan<char> text, int position)
        {
            var node = CharTrie.Root;
            var best = (-1, -1);
            for (var i = position; i < text.Length; i++)
            {
                node = _trie.Step(node, text[i]);
                if (node < 0)
                {
                    break;
                }

                var value = _trie.ValueAt(node);
                if (value >= 0)
                {
                    best = (value, i + 1);
                }
            }

            return best;
        }

        private static bool IsWordCharacterBefore(ReadOnlySpan<char> text, int index)
        {
            var c = index >= 2 && char.IsLowSurrogate(text[index - 1]) && char.IsHighSurrogate(text[index - 2])
                ? char.ConvertToUtf32(text[index - 2], text[index - 1])
                : text[index - 1];
            return CharacterProperties.IsWordCharacter(c);
        }

        private static bool IsWordCharacterAt(ReadOnlySpan<char> text, int index)
        {
            var c = char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
                ? char.ConvertToUtf32(text[index], text[index + 1])
                : text[index];
            return CharacterProperties.IsWordCharacter(c);
        }

        private static bool IsWhitespaceBefore(ReadOnlySpan<char> text, int index, out int width)
        {
            width = 1;
            return CharacterProperties.IsWhitespace(text[index - 1]);
        }

        private static bool IsWhitespaceAt(ReadOnlySpan<char> text, int index, out int width)
        {
            width = 1;
            return CharacterProperties.IsWhitespace(text[index]);
        }
    }

    private sealed class Splitter(Matcher matcher, INormalizer? normalizer) : IPieceSplitter
    {
        public void SplitPiece(NormalizedString piece, PreTokenizedString output)
        {
            normalizer?.Normalize(piece);
            if (matcher.IsEmpty)
            {
                output.Add(piece.Slice(0, piece.Length));
                return;
            }

            matcher.Split(piece, output);
        }
    }
}
