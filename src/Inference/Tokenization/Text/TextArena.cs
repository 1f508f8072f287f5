namespace Similarity.Inference.Tokenization.Text;

/// <summary>
/// Growable storage shared by every <see cref="NormalizedString"/> of one encode call: normalized characters,
/// the original span of each, and the string objects themselves. Reset per call, so encoding allocates
/// nothing here once warmed up.
/// </summary>
internal sealed class TextArena
{
    private readonly List<NormalizedString> _strings = [];
    private int _stringsInUse;

    public char[] Chars { get; private set; } = new char[256];

    /// <summary>Start of the original span each normalized character came from.</summary>
    public int[] OriginalStarts { get; private set; } = new int[256];

    /// <summary>End of the original span each normalized character came from.</summary>
    public int[] OriginalEnds { get; private set; } = new int[256];

    public int Count { get; private set; }

    public void Reset()
    {
        Count = 0;
        _stringsInUse = 0;
    }

    /// <summary>A fresh string object (reused across calls) with an empty window at the end of the arena.</summary>
    public NormalizedString NewString(int originalStart, int originalEnd)
    {
        if (_stringsInUse == _strings.Count)
        {
            _strings.Add(new NormalizedString(this));
        }

        var text = _strings[_stringsInUse++];
        text.Start = Count;
        text.Length = 0;
        text.OriginalStart = originalStart;
        text.OriginalEnd = originalEnd;
        return text;
    }

    /// <summary>A string whose normalized form is <paramref name="original"/> itself, aligned one to one.</summary>
    public NormalizedString FromOriginal(ReadOnlySpan<char> original, int originalOffset)
    {
        Reserve(original.Length);
        var text = NewString(originalOffset, originalOffset + original.Length);
        var chars = Chars;
        var starts = OriginalStarts;
        var ends = OriginalEnds;
        for (var i = 0; i < original.Length; i++)
        {
            var width = char.IsHighSurrogate(original[i]) && i + 1 < original.Length && char.IsLowSurrogate(original[i + 1]) ? 2 : 1;
            for (var k = 0; k < width; k++)
            {
                chars[Count] = original[i + k];
                starts[Count] = originalOffset + i;
                ends[Count] = originalOffset + i + width;
                Count++;
            }

            i += width - 1;
        }

        text.Length = original.Length;
        return text;
    }

    public void Reserve(int extra)
    {
        var needed = Count + extra;
        if (needed <= Chars.Length)
        {
            return;
        }

        var size = Math.Max(needed, Chars.Length * 2);
        var chars = Chars;
        var starts = OriginalStarts;
        var ends = OriginalEnds;
        Array.Resize(ref chars, size);
        Array.Resize(ref starts, size);
        Array.Resize(ref ends, size);
        Chars = chars;
        OriginalStarts = starts;
        OriginalEnds = ends;
    }

    /// <summary>Appends one UTF-16 unit with its original span; call <see cref="Reserve"/> first.</summary>
    public void Append(char c, int originalStart, int originalEnd)
    {
        Chars[Count] = c;
        OriginalStarts[Count] = originalStart;
        OriginalEnds[Count] = originalEnd;
        Count++;
    }

    /// <summary>Copies units <c>[from, from + length)</c> of the arena to its end.</summary>
    public void CopyToEnd(int from, int length)
    {
        Reserve(length);
        Array.Copy(Chars, from, Chars, Count, length);
        Array.Copy(OriginalStarts, from, OriginalStarts, Count, length);
        Array.Copy(OriginalEnds, from, OriginalEnds, Count, length);
        Count += length;
    }
}
