using System.Globalization;
using System.Text;
using Similarity.Inference.Tokenization.Unicode;

namespace Similarity.Inference.Models.Loading;

/// <summary>
/// Lower-cases text exactly as Python's <c>str.lower()</c>, which sentence-transformers applies before tokenising when a
/// Transformer module says <c>do_lower_case</c>: full case mapping (U+0130 becomes "i" + U+0307) and the Final_Sigma rule
/// (a capital sigma ending a word becomes ς), which .NET's invariant lower-casing does not apply.
/// </summary>
internal static class PythonLowercasing
{
    private const int CapitalSigma = 0x3A3;
    private const int SmallSigma = 0x3C3;
    private const int FinalSigma = 0x3C2;

    public static string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsLowerAscii(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length;)
        {
            var (c, length) = CodePointAt(text, i);
            if (c == CapitalSigma)
            {
                builder.Append((char)(IsFinalSigma(text, i) ? FinalSigma : SmallSigma));
            }
            else
            {
                var lower = CharacterProperties.ToLower(c, out var second);
                AppendCodePoint(builder, lower);
                if (second >= 0)
                {
                    AppendCodePoint(builder, second);
                }
            }

            i += length;
        }

        return builder.ToString();
    }

    private static bool IsLowerAscii(string text)
    {
        foreach (var c in text)
        {
            if (c >= 0x80 || c is >= 'A' and <= 'Z')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Unicode's Final_Sigma context: a cased letter before (skipping case-ignorables) and none after.</summary>
    private static bool IsFinalSigma(string text, int index)
    {
        var before = false;
        for (var i = index; i > 0;)
        {
            var (c, length) = CodePointBefore(text, i);
            i -= length;
            if (!IsCaseIgnorable(c))
            {
                before = IsCased(c);
                break;
            }
        }

        if (!before)
        {
            return false;
        }

        for (var i = index + 1; i < text.Length;)
        {
            var (c, length) = CodePointAt(text, i);
            i += length;
            if (!IsCaseIgnorable(c))
            {
                return !IsCased(c);
            }
        }

        return true;
    }

    /// <summary>Unicode's Cased property: upper, lower or title case letters, and the few others that have case mappings.</summary>
    private static bool IsCased(int c)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        if (category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter)
        {
            return true;
        }

        if (!Rune.IsValid(c))
        {
            return false;
        }

        var rune = new Rune(c);
        return Rune.ToLowerInvariant(rune) != rune || Rune.ToUpperInvariant(rune) != rune;
    }

    /// <summary>Unicode's Case_Ignorable property: marks, format characters, modifiers and the apostrophes and dots inside words.</summary>
    private static bool IsCaseIgnorable(int c)
    {
        if (c is '\'' or '.' or ':' or '^' or '`' or 0xA8 or 0xAD or 0xAF or 0xB4 or 0xB7 or 0xB8 or 0x387 or 0x55F or 0x5F4
            or 0x2018 or 0x2019 or 0x2024 or 0x2027 or 0xFE13 or 0xFE52 or 0xFE55 or 0xFF07 or 0xFF0E or 0xFF1A)
        {
            return true;
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Format or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol;
    }

    /// <summary>The code point at <paramref name="index"/> and its UTF-16 length; a lone surrogate stands for itself.</summary>
    private static (int Value, int Length) CodePointAt(string text, int index)
    {
        var c = text[index];
        return char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
            ? (char.ConvertToUtf32(c, text[index + 1]), 2)
            : (c, 1);
    }

    /// <summary>The code point that ends just before <paramref name="end"/>.</summary>
    private static (int Value, int Length) CodePointBefore(string text, int end)
    {
        var c = text[end - 1];
        return char.IsLowSurrogate(c) && end >= 2 && char.IsHighSurrogate(text[end - 2])
            ? (char.ConvertToUtf32(text[end - 2], c), 2)
            : (c, 1);
    }

    private static void AppendCodePoint(StringBuilder builder, int c)
    {
        if (c < 0x10000)
        {
            builder.Append((char)c);
        }
        else
        {
            var supplementary = c - 0x10000;
            builder.Append((char)(0xD800 + (supplementary >> 10))).Append((char)(0xDC00 + (supplementary & 0x3FF)));
        }
    }
}
