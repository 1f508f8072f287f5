using System.Text;
using System.Text.RegularExpressions;

namespace Similarity.Inference.Tokenization.Text;

/// <summary>
/// Matches a regular expression written for Oniguruma (what Hugging Face compiles), translated to .NET:
/// <c>\h</c>/<c>\H</c> become hex-digit classes and possessive quantifiers become greedy ones.
/// </summary>
internal sealed class RegexPattern : TextPattern
{
    private readonly Regex _regex;

    public RegexPattern(string onigurumaPattern)
    {
        Source = onigurumaPattern;
        _regex = new Regex(Translate(onigurumaPattern), RegexOptions.CultureInvariant);
    }

    public string Source { get; }

    /// <summary>Rewrites the Oniguruma constructs .NET lacks; throws <see cref="ArgumentException"/> for a pattern .NET cannot compile.</summary>
    public static string Translate(string pattern)
    {
        var result = new StringBuilder(pattern.Length);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[i + 1];
                i++;
                switch (next)
                {
                    case 'h':
                        result.Append(inClass ? "0-9a-fA-F" : "[0-9a-fA-F]");
                        break;
                    case 'H':
                        result.Append(inClass ? @"\x00-/:-@G-`g-\uFFFF" : "[^0-9a-fA-F]");
                        break;
                    default:
                        result.Append(c).Append(next);
                        break;
                }

                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                result.Append(c);
                continue;
            }

            if (c == '[')
            {
                inClass = true;
                result.Append(c);
                if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                {
                    result.Append(']');
                    i++;
                }

                continue;
            }

            // Possessive quantifier (X*+, X++, X?+, X{n}+): .NET has none; drop the '+' to get the greedy form.
            if (c == '+' && i > 0 && pattern[i - 1] is '*' or '+' or '?' or '}' && !IsEscaped(pattern, i - 1))
            {
                continue;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    protected override void AddMatches(ReadOnlySpan<char> text, ref MatchCursor cursor)
    {
        foreach (var match in _regex.EnumerateMatches(text))
        {
            cursor.Add(match.Index, match.Index + match.Length);
        }
    }

    private static bool IsEscaped(string pattern, int index)
    {
        var backslashes = 0;
        for (var i = index - 1; i >= 0 && pattern[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }
}
