namespace Similarity.Inference.Tokenization.Text;

/// <summary>What normalizers and pre-tokenizers look for in text: characters, a literal string or a regular expression.</summary>
internal abstract class TextPattern
{
    /// <summary>
    /// Covers <paramref name="text"/> with consecutive spans, each a match or the text between two matches
    /// (with <paramref name="invert"/>, the flags are swapped).
    /// </summary>
    public void FindMatches(ReadOnlySpan<char> text, List<PatternMatch> output, bool invert = false)
    {
        output.Clear();
        if (text.IsEmpty)
        {
            return;
        }

        var cursor = new MatchCursor(output, invert);
        AddMatches(text, ref cursor);
        cursor.Finish(text.Length);
    }

    /// <summary>Reports the matches, left to right and not overlapping, to <paramref name="cursor"/>.</summary>
    protected abstract void AddMatches(ReadOnlySpan<char> text, ref MatchCursor cursor);

    /// <summary>Turns a stream of matches into spans that cover the whole text.</summary>
    protected internal struct MatchCursor(List<PatternMatch> output, bool invert)
    {
        private int _previous;

        public void Add(int start, int end)
        {
            if (start > _previous)
            {
                output.Add(new PatternMatch(_previous, start, invert));
            }

            output.Add(new PatternMatch(start, end, !invert));
            _previous = end;
        }

        public readonly void Finish(int length)
        {
            if (_previous < length)
            {
                output.Add(new PatternMatch(_previous, length, invert));
            }
        }
    }
}
