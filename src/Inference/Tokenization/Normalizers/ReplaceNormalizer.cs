using Similarity.Inference.Tokenization.Text;

namespace Similarity.Inference.Tokenization.Normalizers;

/// <summary><c>Replace</c>: every match of a literal or regex pattern becomes <c>content</c>.</summary>
internal sealed class ReplaceNormalizer(TextPattern pattern, string content) : INormalizer
{
    [ThreadStatic]
    private static List<PatternMatch>? t_matches;

    public void Normalize(NormalizedString text)
    {
        var matches = t_matches ??= [];
        pattern.FindMatches(text.Text, matches);
        text.Replace(matches, content);
    }
}
