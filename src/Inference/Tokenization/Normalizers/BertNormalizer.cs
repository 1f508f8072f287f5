using Similarity.Inference.Tokenization.Text;
using Similarity.Inference.Tokenization.Unicode;

namespace Similarity.Inference.Tokenization.Normalizers;

/// <summary>
/// BERT's normalizer: drop NUL, U+FFFD and control/format characters and turn white space into spaces
/// (<c>clean_text</c>), surround CJK ideographs with spaces, strip accents (NFD, then drop Mn marks; when
/// <c>strip_accents</c> is null it follows <c>lowercase</c>), lower-case.
/// </summary>
internal sealed class BertNormalizer(bool cleanText, bool handleChineseChars, bool? stripAccents, bool lowercase) : INormalizer
{
    private static readonly Func<int, bool> KeepWhenClean = c => !(c == 0 || c == 0xFFFD || IsControl(c));
    private static readonly Func<int, int> WhitespaceToSpace = c => IsWhitespace(c) ? ' ' : c;
    private static readonly Func<int, bool> NotNonspacingMark = c => !CharacterProperties.IsNonspacingMark(c);

    public void Normalize(NormalizedString text)
    {
        if (cleanText)
        {
            text.Filter(KeepWhenClean);
            text.Map(WhitespaceToSpace);
        }

        if (handleChineseChars)
        {
            SpaceOutChineseCharacters(text);
        }

        if (stripAccents ?? lowercase)
        {
            UnicodeNormalizer.Apply(text, UnicodeNormalizationForm.Nfd);
            text.Filter(NotNonspacingMark);
        }

        if (lowercase)
        {
            text.Lowercase();
        }
    }

    private static void SpaceOutChineseCharacters(NormalizedString text)
    {
        var any = false;
        for (var i = 0; i < text.Length && !any;)
        {
            any = CharacterProperties.IsChineseCharacter(text.CodePointAt(i, out var width));
            i += width;
        }

        if (!any)
        {
            return;
        }

        text.BeginTransform();
        for (var i = 0; i < text.Length;)
        {
            var c = text.CodePointAt(i, out var width);
            i += width;
            if (CharacterProperties.IsChineseCharacter(c))
            {
                text.Emit(' ', 0);
                text.Emit(c, 1);
                text.Emit(' ', 1);
            }
            else
            {
                text.Emit(c, 0);
            }
        }

        text.EndTransform();
    }

    private static bool IsWhitespace(int c) => c is '\t' or '\n' or '\r' || CharacterProperties.IsWhitespace(c);

    private static bool IsControl(int c) => c is not ('\t' or '\n' or '\r') && CharacterProperties.IsOther(c);
}
