namespace Similarity.Inference.Tokenization.Text;

/// <summary>Matches every single character a predicate accepts (each one is its own match).</summary>
internal sealed class CharacterPattern(Func<int, bool> predicate) : TextPattern
{
    protected override void AddMatches(ReadOnlySpan<char> text, ref MatchCursor cursor)
    {
        for (var i = 0; i < text.Length;)
        {
            var c = (int)text[i];
            var width = 1;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                c = char.ConvertToUtf32(text[i], text[i + 1]);
                width = 2;
            }

            if (predicate(c))
            {
                cursor.Add(i, i + width);
            }

            i += width;
        }
    }
}
