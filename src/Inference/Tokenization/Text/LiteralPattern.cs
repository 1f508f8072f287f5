namespace Similarity.Inference.Tokenization.Text;

/// <summary>Matches a literal string, left to right without overlap; an empty literal matches nothing.</summary>
internal sealed class LiteralPattern(string literal) : TextPattern
{
    protected override void AddMatches(ReadOnlySpan<char> text, ref MatchCursor cursor)
    {
        if (literal.Length == 0)
        {
            return;
        }

        var from = 0;
        while (from < text.Length)
        {
            var index = text[from..].IndexOf(literal.AsSpan(), StringComparison.Ordinal);
            if (index < 0)
            {
                return;
            }

            cursor.Add(from + index, from + index + literal.Length);
            from += index + literal.Length;
        }
    }
}
