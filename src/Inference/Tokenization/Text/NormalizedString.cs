using Similarity.Inference.Tokenization.Unicode;

namespace Similarity.Inference.Tokenization.Text;

/// <summary>
/// A piece of input text being normalized, as Hugging Face's <c>NormalizedString</c>: the normalized characters
/// and, for each UTF-16 unit, the span of the original input it came from. Every rewrite goes through the
/// transform protocol (<see cref="Emit"/> with a change of 1 = inserted, 0 = replaces one, -n = also swallows n)
/// so offsets come out exactly as the Rust library reports them.
/// </summary>
internal sealed class NormalizedString(TextArena arena)
{
    private int _oldStart;
    private int _oldLength;
    private int _rangeEnd;
    private int _cursor;
    private int _writeStart;
    private bool _discard;

    /// <summary>First unit of this string in the arena.</summary>
    public int Start { get; internal set; }

    public int Length { get; internal set; }

    /// <summary>Where this piece starts in the original input (Hugging Face's <c>original_shift</c>).</summary>
    public int OriginalStart { get; internal set; }

    public int OriginalEnd { get; internal set; }

    public ReadOnlySpan<char> Text => arena.Chars.AsSpan(Start, Length);

    public bool IsEmpty => Length == 0;

    /// <summary>Original span of normalized units <c>[start, end)</c>: from the first unit's start to the last unit's end.</summary>
    public (int Start, int End) OriginalRange(int start, int end)
    {
        if (start >= end)
        {
            return (OriginalStart + start, OriginalStart + start);
        }

        return (arena.OriginalStarts[Start + start], arena.OriginalEnds[Start + end - 1]);
    }

    /// <summary>The sub-string of normalized units <c>[start, end)</c>, sharing this string's storage.</summary>
    public NormalizedString Slice(int start, int end)
    {
        var (originalStart, originalEnd) = OriginalRange(start, end);
        var slice = arena.NewString(originalStart, originalEnd);
        slice.Start = Start + start;
        slice.Length = end - start;
        return slice;
    }

    /// <summary>The code point at unit <paramref name="index"/> and its width in units.</summary>
    public int CodePointAt(int index, out int width)
    {
        var chars = arena.Chars;
        var at = Start + index;
        var c = chars[at];
        if (char.IsHighSurrogate(c) && index + 1 < Length && char.IsLowSurrogate(chars[at + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(c, chars[at + 1]);
        }

        width = 1;
        return c;
    }

    /// <summary>Starts rewriting the whole string (Hugging Face <c>transform</c>), skipping <paramref name="initialOffset"/> leading characters.</summary>
    public void BeginTransform(int initialOffset = 0)
    {
        if (Length == 0)
        {
            // The Rust library cannot locate an empty normalized range of a non-empty original: nothing changes.
            BeginTransformRange(0, 0, 0);
            _discard = OriginalEnd > OriginalStart;
            return;
        }

        var first = 0;
        var starts = arena.OriginalStarts;
        var ends = arena.OriginalEnds;
        while (first < Length && starts[Start + first] == ends[Start + first])
        {
            first++;
        }

        BeginTransformRange(first, Length, initialOffset);
    }

    /// <summary>Starts rewriting units <c>[rangeStart, rangeEnd)</c>; the rest of the string is kept around the new text.</summary>
    public void BeginTransformRange(int rangeStart, int rangeEnd, int initialOffset)
    {
        _discard = false;
        _oldStart = Start;
        _oldLength = Length;
        _rangeEnd = rangeEnd;
        _writeStart = arena.Count;
        arena.CopyToEnd(_oldStart, rangeStart);
        _cursor = rangeStart;
        Consume(initialOffset);
    }

    /// <summary>Writes one code point of the new text; see the class summary for <paramref name="change"/>.</summary>
    public void Emit(int codePoint, int change)
    {
        if (_discard)
        {
            return;
        }

        int alignStart, alignEnd;
        if (change > 0)
        {
            if (_cursor < 1)
            {
                alignStart = alignEnd = OriginalStart;
            }
            else
            {
                alignStart = arena.OriginalStarts[_oldStart + _cursor - 1];
                alignEnd = arena.OriginalEnds[_oldStart + _cursor - 1];
            }
        }
        else
        {
            if (_cursor < _oldLength)
            {
                alignStart = arena.OriginalStarts[_oldStart + _cursor];
                alignEnd = arena.OriginalEnds[_oldStart + _cursor];
            }
            else if (_oldLength > 0)
            {
                alignStart = arena.OriginalStarts[_oldStart + _oldLength - 1];
                alignEnd = arena.OriginalEnds[_oldStart + _oldLength - 1];
            }
            else
            {
                alignStart = alignEnd = OriginalStart;
            }

            Consume(1 - Math.Min(change, 0));
        }

        arena.Reserve(2);
        if (codePoint > 0xFFFF)
        {
            var value = codePoint - 0x10000;
            arena.Append((char)(0xD800 + (value >> 10)), alignStart, alignEnd);
            arena.Append((char)(0xDC00 + (value & 0x3FF)), alignStart, alignEnd);
        }
        else
        {
            arena.Append((char)codePoint, alignStart, alignEnd);
        }
    }

    /// <summary>Replaces this string's text with what was emitted since the matching begin call.</summary>
    public void EndTransform()
    {
        if (_discard)
        {
            _discard = false;
            return;
        }

        arena.CopyToEnd(_oldStart + _rangeEnd, _oldLength - _rangeEnd);
        Start = _writeStart;
        Length = arena.Count - _writeStart;
    }

    /// <summary>Keeps the characters <paramref name="keep"/> accepts; a removed character is absorbed by the kept one before it.</summary>
    public void Filter(Func<int, bool> keep)
    {
        if (KeepsAll(keep))
        {
            return;
        }

        var removed = 0;
        var lastKept = -1;
        var started = false;
        for (var i = 0; i < Length;)
        {
            var c = CodePointAt(i, out var width);
            i += width;
            if (!keep(c))
            {
                removed++;
                continue;
            }

            if (lastKept >= 0)
            {
                Emit(lastKept, -removed);
            }
            else
            {
                BeginTransform(removed);
                started = true;
            }

            lastKept = c;
            removed = 0;
        }

        if (!started)
        {
            if (Length == 0)
            {
                return;
            }

            BeginTransform(0);
        }
        else
        {
            Emit(lastKept, -removed);
        }

        EndTransform();
    }

    private bool KeepsAll(Func<int, bool> keep)
    {
        for (var i = 0; i < Length;)
        {
            if (!keep(CodePointAt(i, out var width)))
            {
                return false;
            }

            i += width;
        }

        return true;
    }

    /// <summary>Lower-cases like Rust's <c>char::to_lowercase</c>, one character at a time.</summary>
    public void Lowercase()
    {
        var changes = false;
        for (var i = 0; i < Length && !changes;)
        {
            var c = CodePointAt(i, out var width);
            i += width;
            changes = CharacterProperties.ToLower(c, out _) != c;
        }

        if (!changes)
        {
            return;
        }

        BeginTransform();
        for (var i = 0; i < Length;)
        {
            var c = CodePointAt(i, out var width);
            i += width;
            var lower = CharacterProperties.ToLower(c, out var second);
            Emit(lower, 0);
            if (second >= 0)
            {
                Emit(second, 1);
            }
        }

        EndTransform();
    }

    /// <summary>Replaces each character by <paramref name="map"/>'s result, one for one.</summary>
    public void Map(Func<int, int> map)
    {
        var changes = false;
        for (var i = 0; i < Length && !changes;)
        {
            var c = CodePointAt(i, out var width);
            i += width;
            changes = map(c) != c;
        }

        if (!changes)
        {
            return;
        }

        BeginTransform();
        for (var i = 0; i < Length;)
        {
            var c = CodePointAt(i, out var width);
            i += width;
            Emit(map(c), 0);
        }

        EndTransform();
    }

    /// <summary>Puts <paramref name="prefix"/> in front; the new characters share the first character's original span.</summary>
    public void Prepend(string prefix)
    {
        if (Length == 0 || prefix.Length == 0)
        {
            return;
        }

        var first = CodePointAt(0, out var width);
        BeginTransformRange(0, width, 0);
        var index = 0;
        for (var i = 0; i < prefix.Length; i++)
        {
            var c = (int)prefix[i];
            if (char.IsHighSurrogate(prefix[i]) && i + 1 < prefix.Length && char.IsLowSurrogate(prefix[i + 1]))
            {
                c = char.ConvertToUtf32(prefix[i], prefix[i + 1]);
                i++;
            }

            Emit(c, index == 0 ? 0 : 1);
            index++;
        }

        Emit(first, 1);
        EndTransform();
    }

    /// <summary>
    /// Replaces every span marked as a match with <paramref name="content"/> (Hugging Face <c>replace</c>): the new
    /// characters take the original span of the last character they replace.
    /// </summary>
    public void Replace(List<PatternMatch> matches, string content)
    {
        var any = false;
        foreach (var match in matches)
        {
            any |= match.IsMatch;
        }

        if (!any)
        {
            return;
        }

        var oldStart = Start;
        var oldLength = Length;
        var writeStart = arena.Count;
        var last = 0;
        foreach (var match in matches)
        {
            if (!match.IsMatch)
            {
                continue;
            }

            arena.CopyToEnd(oldStart + last, match.Start - last);
            int alignStart, alignEnd;
            if (match.End < 1)
            {
                alignStart = alignEnd = OriginalStart;
            }
            else
            {
                alignStart = arena.OriginalStarts[oldStart + match.End - 1];
                alignEnd = arena.OriginalEnds[oldStart + match.End - 1];
            }

            arena.Reserve(content.Length);
            foreach (var c in content)
            {
                arena.Append(c, alignStart, alignEnd);
            }

            last = match.End;
        }

        arena.CopyToEnd(oldStart + last, oldLength - last);
        Start = writeStart;
        Length = arena.Count - writeStart;
    }

    /// <summary>Removes leading and/or trailing white space.</summary>
    public void Strip(bool left, bool right)
    {
        var leading = 0;
        var leadingUnits = 0;
        if (left)
        {
            while (leadingUnits < Length)
            {
                var c = CodePointAt(leadingUnits, out var width);
                if (!CharacterProperties.IsWhitespace(c))
                {
                    break;
                }

                leading++;
                leadingUnits += width;
            }
        }

        var trailing = 0;
        var keptEnd = Length;
        if (right)
        {
            while (keptEnd > leadingUnits)
            {
                var width = keptEnd >= 2 && char.IsLowSurrogate(Text[keptEnd - 1]) && char.IsHighSurrogate(Text[keptEnd - 2]) ? 2 : 1;
                var c = CodePointAt(keptEnd - width, out _);
                if (!CharacterProperties.IsWhitespace(c))
                {
                    break;
                }

                trailing++;
                keptEnd -= width;
            }
        }

        if (leading == 0 && trailing == 0)
        {
            return;
        }

        BeginTransform(leading);
        for (var i = leadingUnits; i < keptEnd;)
        {
            var c = CodePointAt(i, out var width);
            i += width;
            Emit(c, i == keptEnd ? -trailing : 0);
        }

        EndTransform();
    }

    /// <summary>Cuts this string at <paramref name="matches"/> and adds the pieces <paramref name="behavior"/> keeps to <paramref name="output"/>.</summary>
    public void SplitInto(List<PatternMatch> matches, SplitDelimiterBehavior behavior, PreTokenizedString output)
    {
        var ranges = output.Ranges;
        ranges.Clear();
        switch (behavior)
        {
            case SplitDelimiterBehavior.Removed:
                foreach (var m in matches)
                {
                    if (!m.IsMatch)
                    {
                        ranges.Add((m.Start, m.End));
                    }
                }

                break;
            case SplitDelimiterBehavior.Isolated:
                foreach (var m in matches)
                {
                    ranges.Add((m.Start, m.End));
                }

                break;
            case SplitDelimiterBehavior.Contiguous:
            {
                var previousMatch = false;
                foreach (var m in matches)
                {
                    if (m.IsMatch == previousMatch && ranges.Count > 0)
                    {
                        ranges[^1] = (ranges[^1].Start, m.End);
                    }
                    else
                    {
                        ranges.Add((m.Start, m.End));
                    }

                    previousMatch = m.IsMatch;
                }

                break;
            }

            case SplitDelimiterBehavior.MergedWithPrevious:
            {
                var previousMatch = false;
                foreach (var m in matches)
                {
                    if (m.IsMatch && !previousMatch && ranges.Count > 0)
                    {
                        ranges[^1] = (ranges[^1].Start, m.End);
                    }
                    else
                    {
                        ranges.Add((m.Start, m.End));
                    }

                    previousMatch = m.IsMatch;
                }

                break;
            }

            case SplitDelimiterBehavior.MergedWithNext:
            {
                var previousMatch = false;
                for (var i = matches.Count - 1; i >= 0; i--)
                {
                    var m = matches[i];
                    if (m.IsMatch && !previousMatch && ranges.Count > 0)
                    {
                        ranges[^1] = (m.Start, ranges[^1].End);
                    }
                    else
                    {
                        ranges.Add((m.Start, m.End));
                    }

                    previousMatch = m.IsMatch;
                }

                ranges.Reverse();
                break;
            }
        }

        foreach (var (start, end) in ranges)
        {
            if (end > start)
            {
                output.Add(Slice(start, end));
            }
        }
    }

    public override string ToString() => Text.ToString();

    private void Consume(int count)
    {
        var chars = arena.Chars;
        for (; count > 0 && _cursor < _rangeEnd; count--)
        {
            var at = _oldStart + _cursor;
            _cursor += char.IsHighSurrogate(chars[at]) && _cursor + 1 < _oldLength && char.IsLowSurrogate(chars[at + 1]) ? 2 : 1;
        }
    }
}
