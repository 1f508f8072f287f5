using Similarity.Inference.Tokenization.Models;
using Similarity.Inference.Tokenization.Text;
using Similarity.Inference.Tokenization.Unicode;

namespace Similarity.Inference.Tokenization.AddedTokens;

/// <summary>Leftmost-longest matching of a set of patterns, with each token's strip and single-word rules.</summary>
internal sealed class AddedTokenMatcher
{
    private readonly CharTrie _trie = new();
    private readonly List<AddedToken> _tokens = [];

    public AddedTokenMatcher(List<(AddedToken Token, string Pattern)> patterns)
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
                while (newStart > 0 && CharacterProperties.IsWhitespace(text[newStart - 1]))
                {
                    newStart--;
                }

                start = Math.Max(newStart, startOffset);
            }

            if (token.RightStrip)
            {
                while (stop < text.Length && CharacterProperties.IsWhitespace(text[stop]))
                {
                    stop++;
                }

                position = stop;
            }

            if (start > startOffset)
            {
                output.Add(piece.Slice(startOffset, start));
            }

            var slice = piece.Slice(start, stop);
            output.AddToken(slice, token.Id, slice.Text.SequenceEqual(token.Content) ? token.Content : null);
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
}
