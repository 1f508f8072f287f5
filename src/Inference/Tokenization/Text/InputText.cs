namespace Similarity.Inference.Tokenization.Text;

/// <summary>Makes caller text safe to tokenize without moving any offset.</summary>
internal static class InputText
{
    /// <summary>
    /// Replaces unpaired surrogates by U+FFFD (one unit for one unit, so offsets still index the caller's
    /// string); the Rust library only ever sees valid Unicode, which is what a JavaScript or Python binding
    /// produces from such a string.
    /// </summary>
    public static string ReplaceLoneSurrogates(string text)
    {
        var first = FirstLoneSurrogate(text);
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (span, state) =>
        {
            var (source, from) = state;
            source.AsSpan().CopyTo(span);
            for (var i = from; i < span.Length; i++)
            {
                if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(span[i]))
                {
                    span[i] = '\uFFFD';
                }
            }
        });
    }

    private static int FirstLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i]))
            {
                continue;
            }

            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }
}
