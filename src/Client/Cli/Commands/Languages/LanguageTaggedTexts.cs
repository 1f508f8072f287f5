using System.Text.RegularExpressions;
using Similarity.Cli.IO;

namespace Similarity.Cli.Commands.Languages;

/// <summary>
/// Texts with the language each is in, read from <c>LANG&lt;TAB&gt;TEXT</c> lines (UTF-8; the first tab ends the tag, the
/// text may hold more): row <c>i</c> is line <c>i + 1</c>. Tags are language codes as users write them (<c>en</c>,
/// <c>de</c>, <c>pt-BR</c>, <c>zh-Hant</c>): kept as given, not detected or normalised.
/// </summary>
internal sealed partial class LanguageTaggedTexts
{
    private LanguageTaggedTexts(string[] languages, string[] texts)
    {
        Languages = languages;
        Texts = texts;
    }

    /// <summary>Each row's language tag.</summary>
    public string[] Languages { get; }

    /// <summary>Each row's text, without its tag.</summary>
    public string[] Texts { get; }

    /// <summary>Reads <paramref name="path"/> (- for stdin); a line without a tab, or with a tag that is not a language code, is a <see cref="CliException"/> naming the file and line.</summary>
    public static async Task<LanguageTaggedTexts> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var name = CommandInput.DisplayName(path);
        var languages = new List<string>();
        var texts = new List<string>();
        await foreach (var line in CommandInput.ReadLinesAsync(path, cancellationToken))
        {
            var number = languages.Count + 1;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0)
            {
                throw new CliException($"line {number} of {name} has no tab: each line is LANG<TAB>TEXT, e.g. \"de\\tGuten Morgen\"");
            }

            var language = line[..tab];
            if (!LanguageCode().IsMatch(language))
            {
                throw new CliException($"line {number} of {name} starts with '{language}', not a language code (en, de, pt-BR, zh-Hant): each line is LANG<TAB>TEXT");
            }

            languages.Add(language);
            texts.Add(line[(tab + 1)..]);
        }

        return languages.Count > 0 ? new LanguageTaggedTexts([.. languages], [.. texts]) : throw new CliException($"{name} has no texts");
    }

    /// <summary>A BCP 47 style tag: a 2-3 letter language, then optional subtags of 1-8 letters or digits.</summary>
    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCode();
}
