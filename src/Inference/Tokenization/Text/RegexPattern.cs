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
        _regex = new Regex(Translate(onigurumaPattern), RegexOptions.CultureInvariant);
    }

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
            if (c == '+' && i > 0 && EndsWithQuantifier(pattern, i))
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

    /// <summary>Whether <c>pattern[..end]</c> ends with an unescaped quantifier (<c>*</c>, <c>+</c>, <c>?</c>, <c>{n}</c>, <c>{n,}</c>, <c>{n,m}</c>).</summary>
    private static bool EndsWithQuantifier(string pattern, int end)
    {
        var last = end - 1;
        if (IsEscaped(pattern, last))
        {
            return false;
        }

        if (pattern[last] is '*' or '+' or '?')
        {
            return last > 0 && !(pattern[last] == '+' && pattern[last - 1] is '*' or '+' or '?' && !IsEscaped(pattern, last - 1));
        }

        if (pattern[last] != '}')
        {
            return false;
        }

        var open = pattern.LastIndexOf('{', last);
        if (open <= 0 || IsEscaped(pattern, open))
        {
            return false;
        }

        var body = pattern.AsSpan(open + 1, last - open - 1);
        var comma = body.IndexOf(',');
        var low = comma < 0 ? body : body[..comma];
        var high = comma < 0 ? ReadOnlySpan<char>.Empty : body[(comma + 1)..];
        return (low.Length > 0 || high.Length > 0) && IsDigits(low) && IsDigits(high);
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
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
