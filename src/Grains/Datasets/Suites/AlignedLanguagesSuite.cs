using System.Globalization;
using Similarity.Grains.Contracts.Evaluation;

namespace Similarity.Grains.Datasets.Suites;

/// <summary>
/// Translations of one data set in row-aligned files <c>&lt;lang&gt;.&lt;split&gt;.tsv</c> (stsb-multi-mt): each language is a
/// monolingual task <c>xx_xx</c>, and each other language a cross-lingual task <c>en_xx</c> pairing sentence1 of the pivot
/// file with sentence2 of the other at the same row (the recipe of the multilingual STSb test set). Rows must agree on the
/// gold score; a mismatch is an error naming both files and the line. A split without the pivot's file, or a
/// <c>.tsv</c> file named otherwise, is an error naming it.
/// </summary>
public sealed class AlignedLanguagesSuite : IEvaluationSuite
{
    private readonly SuiteFolder _folder;
    private readonly ScoreScale _scale;
    private readonly string _pivot;

    public AlignedLanguagesSuite(string name, string folder, ScoreScale scale, string pivotLanguage)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentException.ThrowIfNullOrEmpty(pivotLanguage);
        Name = name;
        _folder = new SuiteFolder(folder, AllowsSuffix: false);
        _scale = scale;
        _pivot = pivotLanguage;
    }

    public string Name { get; }

    public SuiteKind Kind => SuiteKind.Similarity;

    /// <inheritdoc/>
    public IReadOnlyList<string> FindSplits(string dataDirectory)
    {
        var files = LanguageFiles(_folder.Resolve(dataDirectory, Name)[0]);
        return SplitNames.All.Where(files.ContainsKey).ToList();
    }

    /// <inheritdoc/>
    public LoadedSuite Load(string dataDirectory, string split)
    {
        var folder = _folder.Resolve(dataDirectory, Name)[0];
        var files = LanguageFiles(folder);
        if (!files.TryGetValue(split, out var languages))
        {
            throw SplitNames.Missing(Name, split, folder, SplitNames.All.Where(files.ContainsKey).ToList());
        }

        if (!languages.Any(l => l.Language == _pivot))
        {
            throw new DatasetNotFoundException(
                $"{Name} has no {_pivot}.{split}.tsv in {folder}; the cross-lingual tasks pair its sentence1 with each other language's sentence2");
        }

        var rows = new SortedDictionary<string, (List<PairRow> Rows, string Display)>(StringComparer.Ordinal);
        foreach (var (language, path) in languages)
        {
            var display = SuiteFolder.DisplayName(path);
            rows[language] = (PairFileReader.Read(path, display, GoldColumn.Score, _scale).ToList(), display);
        }

        var tasks = new List<PairTask>();
        foreach (var (language, (languageRows, display)) in rows)
        {
            tasks.Add(TaskFile.FromRows($"{language}_{language}", languageRows, Kind, _scale, display));
        }

        var pivot = rows[_pivot];
        foreach (var (language, other) in rows)
        {
            if (language == _pivot)
            {
                continue;
            }

            RequireAligned(pivot.Rows, pivot.Display, other.Rows, other.Display);
            var crossRows = new List<PairRow>(pivot.Rows.Count);
            for (var i = 0; i < pivot.Rows.Count; i++)
            {
                crossRows.Add(pivot.Rows[i] with { Second = other.Rows[i].Second });
            }

            tasks.Add(TaskFile.FromRows($"{_pivot}_{language}", crossRows, Kind, _scale, other.Display));
        }

        tasks.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new LoadedSuite(Name, split, Kind, TaskAveraging.FisherZ, tasks);
    }

    private static void RequireAligned(List<PairRow> pivot, string pivotDisplay, List<PairRow> other, string otherDisplay)
    {
        if (pivot.Count != other.Count)
        {
            throw new DatasetFormatException(otherDisplay, 0,
                $"has {other.Count} rows but {pivotDisplay} has {pivot.Count}; translations must be row-aligned");
        }

        for (var i = 0; i < pivot.Count; i++)
        {
            if (pivot[i].Gold != other[i].Gold)
            {
                throw new DatasetFormatException(otherDisplay, other[i].Line, string.Create(CultureInfo.InvariantCulture,
                    $"score {other[i].Gold} differs from {pivotDisplay} line {pivot[i].Line} ({pivot[i].Gold}); translations must be row-aligned"));
            }
        }
    }

    private static Dictionary<string, List<(string Language, string Path)>> LanguageFiles(string folder)
    {
        var bySplit = new Dictionary<string, List<(string Language, string Path)>>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder, "*.tsv"))
        {
            var parts = Path.GetFileNameWithoutExtension(path).Split('.');
            if (parts.Length != 2 || parts[0].Length == 0 || !SplitNames.IsKnown(parts[1]))
            {
                throw new DatasetFormatException(SuiteFolder.DisplayName(path), 0,
                    "file name is not <language>.<split>.tsv with split test, dev or train; rename it or move it out of the suite folder");
            }

            if (!bySplit.TryGetValue(parts[1], out var list))
            {
                bySplit[parts[1]] = list = [];
            }

            list.Add((parts[0], path));
        }

        return bySplit;
    }
}
