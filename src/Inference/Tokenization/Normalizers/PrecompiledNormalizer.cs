using System.Globalization;
using System.Text;
using Similarity.Inference.Tokenization.Text;

namespace Similarity.Inference.Tokenization.Normalizers;

/// <summary>
/// <c>Precompiled</c>: SentencePiece normalization as Hugging Face applies it. Each grapheme cluster shorter
/// than 6 UTF-8 bytes is looked up whole; otherwise (or when that fails) each of its characters is looked up
/// alone. Alignment changes follow the library's <c>replace</c> helper, including its quirk that a deletion
/// is charged to the previous character.
/// </summary>
internal sealed class PrecompiledNormalizer(PrecompiledCharsMap charsMap) : INormalizer
{
    [ThreadStatic]
    private static List<(int CodePoint, int Change)>? t_changes;

    public void Normalize(NormalizedString text)
    {
        var changes = t_changes ??= [];
        changes.Clear();
        var modified = false;
        Span<byte> utf8 = stackalloc byte[8];
        var offset = 0;
        while (offset < text.Length)
        {
            var graphemeLength = StringInfo.GetNextTextElementLength(text.Text[offset..]);
            if (graphemeLength <= 0)
            {
                graphemeLength = 1;
            }

            var grapheme = text.Text.Slice(offset, graphemeLength);
            offset += graphemeLength;
            if (Encoding.UTF8.GetByteCount(grapheme) < 6)
            {
                var length = Encoding.UTF8.GetBytes(grapheme, utf8);
                if (charsMap.TryTransform(utf8[..length], out var replacement))
                {
                    modified = true;
                    Replace(changes, CountCodePoints(grapheme), replacement);
                    continue;
                }
            }

            for (var i = 0; i < grapheme.Length;)
            {
                var width = char.IsHighSurrogate(grapheme[i]) && i + 1 < grapheme.Length && char.IsLowSurrogate(grapheme[i + 1]) ? 2 : 1;
                var character = grapheme.Slice(i, width);
                i += width;
                var length = Encoding.UTF8.GetBytes(character, utf8);
                if (charsMap.TryTransform(utf8[..length], out var replacement))
                {
                    modified = true;
                    Replace(changes, 1, replacement);
                }
                else
                {
                    changes.Add((width == 2 ? char.ConvertToUtf32(character[0], character[1]) : character[0], 0));
                }
            }
        }

        if (!modified)
        {
            return;
        }

        text.BeginTransform();
        foreach (var (codePoint, change) in changes)
        {
            text.Emit(codePoint, change);
        }

        text.EndTransform();
    }

    /// <summary>Hugging Face's <c>replace(transformations, old, new)</c>.</summary>
    private static void Replace(List<(int CodePoint, int Change)> changes, int oldCount, ReadOnlySpan<byte> replacement)
    {
        var newCount = 0;
        var rest = replacement;
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(rest, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
                consumed = Math.Max(consumed, 1);
            }

            changes.Add((rune.Value, 0));
            newCount++;
            rest = rest[consumed..];
        }

        var difference = newCount - oldCount;
        if (difference > 0)
        {
            for (var i = changes.Count - 1; i >= changes.Count - difference; i--)
            {
                changes[i] = (changes[i].CodePoint, 1);
            }
        }
        else if (difference < 0 && changes.Count > 0)
        {
            changes[^1] = (changes[^1].CodePoint, changes[^1].Change + difference);
        }
    }

    private static int CountCodePoints(ReadOnlySpan<char> text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])))
            {
                count++;
            }
        }

        return count;
    }
}
