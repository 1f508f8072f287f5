using System.Buffers;
using Similarity.Grains.Contracts.Evaluation.Results;

namespace Similarity.Grains.Evaluation.Reports.Languages;

/// <summary>
/// The languages of a multilingual STS task's two sentences, read from its name as the multilingual suites write it
/// (<c>en_de</c>: sentence1 English, sentence2 German; <c>de_de</c>: monolingual German).
/// </summary>
public readonly record struct LanguagePair(string First, string Second)
{
    private static readonly SearchValues<char> CodeCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz-");

    /// <summary>Both sentences in one language.</summary>
    public bool IsMonolingual => First == Second;

    /// <summary>Reads <c>xx_yy</c> with lower-case ASCII codes (letters, and <c>-</c> for a variant such as <c>zh-cn</c>); other names are not language pairs.</summary>
    public static bool TryParse(string taskName, out LanguagePair pair)
    {
        ArgumentNullException.ThrowIfNull(taskName);
        pair = default;
        var underscore = taskName.IndexOf('_');
        if (underscore < 0 || !IsCode(taskName.AsSpan(0, underscore)) || !IsCode(taskName.AsSpan(underscore + 1)))
        {
            return false;
        }

        pair = new LanguagePair(taskName[..underscore], taskName[(underscore + 1)..]);
        return true;
    }

    /// <summary>The pair of every task, in task order; null unless every name is a language pair.</summary>
    public static IReadOnlyList<LanguagePair>? TryParseAll(IReadOnlyList<TaskResult> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var pairs = new LanguagePair[tasks.Count];
        for (var i = 0; i < pairs.Length; i++)
        {
            if (!TryParse(tasks[i].Name, out pairs[i]))
            {
                return null;
            }
        }

        return pairs;
    }

    private static bool IsCode(ReadOnlySpan<char> code) =>
        code.Length is >= 2 and <= 8 && char.IsAsciiLetterLower(code[0]) && !code.ContainsAnyExcept(CodeCharacters);

}
