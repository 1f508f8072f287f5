using System.Globalization;
using System.Text;

namespace Similarity.Inference.Tokenization.Unicode;

/// <summary>
/// Character classes as the Hugging Face tokenizers (Rust) define them, on code points: Rust's <c>char</c>
/// methods and the <c>unicode_categories</c> crate, which differ from .NET's helpers in places.
/// </summary>
internal static class CharacterProperties
{
    /// <summary>Rust <c>char::is_whitespace</c>: the Unicode White_Space property.</summary>
    public static bool IsWhitespace(int c) => c switch
    {
        >= 0x09 and <= 0x0D or 0x20 or 0x85 or 0xA0 or 0x1680 => true,
        >= 0x2000 and <= 0x200A or 0x2028 or 0x2029 or 0x202F or 0x205F or 0x3000 => true,
        _ => false,
    };

    /// <summary><c>unicode_categories::is_other</c> as it behaves: control, format, private use, surrogate (unassigned code points are not included).</summary>
    public static bool IsOther(int c)
    {
        var category = Category(c);
        return category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate;
    }

    /// <summary>ASCII punctuation or any Unicode punctuation category (what BERT and the Punctuation pre-tokenizer split on).</summary>
    public static bool IsPunctuation(int c)
    {
        if (c < 0x80)
        {
            return c is >= 0x21 and <= 0x2F or >= 0x3A and <= 0x40 or >= 0x5B and <= 0x60 or >= 0x7B and <= 0x7E;
        }

        return Category(c) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation;
    }

    /// <summary>General category Mn (what BertNormalizer's accent stripping removes).</summary>
    public static bool IsNonspacingMark(int c) => c >= 0x300 && Category(c) == UnicodeCategory.NonSpacingMark;

    /// <summary>General category M (Mn, Mc, Me): what the StripAccents normalizer removes.</summary>
    public static bool IsCombiningMark(int c) =>
        c >= 0x300 && Category(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>Rust <c>char::is_numeric</c>: categories Nd, Nl, No.</summary>
    public static bool IsNumeric(int c)
    {
        if (c < 0x80)
        {
            return c is >= '0' and <= '9';
        }

        return Category(c) is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }

    /// <summary>A regex <c>\w</c> character: letters, marks, decimal digits, connector punctuation.</summary>
    public static bool IsWordCharacter(int c)
    {
        if (c < 0x80)
        {
            return c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_';
        }

        return Category(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.ConnectorPunctuation;
    }

    /// <summary>The CJK ideograph blocks BERT surrounds with spaces.</summary>
    public static bool IsChineseCharacter(int c) =>
        c is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x2A6DF or >= 0x2A700 and <= 0x2B73F
            or >= 0x2B740 and <= 0x2B81F or >= 0x2B920 and <= 0x2CEAF or >= 0xF900 and <= 0xFAFF or >= 0x2F800 and <= 0x2FA1F;

    /// <summary>
    /// Rust <c>char::to_lowercase</c>: the simple lowercase mapping, except U+0130 which becomes "i" + U+0307.
    /// Returns the first code point and sets <paramref name="second"/> (or -1).
    /// </summary>
    public static int ToLower(int c, out int second)
    {
        second = -1;
        if (c < 0x80)
        {
            return c is >= 'A' and <= 'Z' ? c + 32 : c;
        }

        if (c == 0x130)
        {
            second = 0x307;
            return 'i';
        }

        return Rune.IsValid(c) ? Rune.ToLowerInvariant(new Rune(c)).Value : c;
    }

    private static UnicodeCategory Category(int c) => CharUnicodeInfo.GetUnicodeCategory(c);
}
