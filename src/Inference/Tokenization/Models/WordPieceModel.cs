using System.Buffers;

namespace Similarity.Inference.Tokenization.Models;

/// <summary>
/// <c>WordPiece</c>: greedy longest-match-first, continuation pieces carry a prefix (<c>##</c>); a word longer
/// than <c>max_input_chars_per_word</c> code points, or one that cannot be covered, becomes the unknown token.
/// </summary>
internal sealed class WordPieceModel(Vocabulary vocabulary, string unknownToken, string continuingSubwordPrefix, int maxInputCharsPerWord)
    : ITokenizerModel
{
    public int VocabularySize => vocabulary.Count;

    public void Tokenize(ReadOnlySpan<char> word, List<ModelToken> output)
    {
        if (CountCodePoints(word) > maxInputCharsPerWord)
        {
            AddUnknown(word, output);
            return;
        }

        var firstAdded = output.Count;
        var prefixLength = continuingSubwordPrefix.Length;
        var size = prefixLength + word.Length;
        char[]? rented = null;
        var buffer = size <= 256 ? stackalloc char[size] : (rented = ArrayPool<char>.Shared.Rent(size));
        try
        {
            continuingSubwordPrefix.AsSpan().CopyTo(buffer);
            var start = 0;
            while (start < word.Length)
            {
                var end = word.Length;
                var found = false;
                if (start > 0)
                {
                    word[start..].CopyTo(buffer[prefixLength..]);
                }

                while (start < end)
                {
                    var candidate = start > 0 ? buffer[..(prefixLength + end - start)] : word[..end];
                    if (vocabulary.TryGetId(candidate, out var value, out var id))
                    {
                        output.Add(new ModelToken(id, value, start, end));
                        found = true;
                        break;
                    }

                    end -= end - start >= 2 && char.IsLowSurrogate(word[end - 1]) && char.IsHighSurrogate(word[end - 2]) ? 2 : 1;
                }

                if (!found)
                {
                    output.RemoveRange(firstAdded, output.Count - firstAdded);
                    AddUnknown(word, output);
                    return;
                }

                start = end;
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    public int? TokenToId(ReadOnlySpan<char> token) => vocabulary.TryGetId(token, out var id) ? id : null;

    public string? IdToToken(int id) => vocabulary.TokenOf(id);

    private void AddUnknown(ReadOnlySpan<char> word, List<ModelToken> output)
    {
        if (!vocabulary.TryGetId(unknownToken, out var value, out var id))
        {
            throw new InvalidOperationException($"WordPiece cannot tokenize '{word}': its unknown token '{unknownToken}' is not in the vocabulary.");
        }

        output.Add(new ModelToken(id, value, 0, word.Length));
    }

    private static int CountCodePoints(ReadOnlySpan<char> text)
    {
        var count = text.Length;
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1]))
            {
                count--;
            }
        }

        return count;
    }
}
