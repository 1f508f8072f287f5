using Similarity.Grains.Contracts.Evaluation;

namespace Similarity.Grains.Datasets.Suites;

/// <summary>
/// A suite whose every file is a task, the split written in the file name: sts12-16 (<c>2014.images.test.tsv</c>,
/// split last) or mstsb (<c>test.en_de.tsv</c>, split first). Any other <c>.tsv</c> file in the folder is an error naming
/// it, so a misnamed task file cannot silently drop out of the report.
/// </summary>
public sealed class FilePerTaskSuite : IEvaluationSuite
{
    private readonly SuiteFolder _folder;
    private readonly ScoreScale _scale;
    private readonly bool _splitFirst;
    private readonly TaskAveraging _averaging;

    /// <param name="folder">Folder name under the data root; with <paramref name="folderSuffixes"/> also <c>folder-*</c> (e.g. <c>mstsb-dev</c>).</param>
    /// <param name="splitFirst">True for <c>&lt;split&gt;.&lt;task&gt;.tsv</c>, false for <c>&lt;task&gt;.&lt;split&gt;.tsv</c>.</param>
    public FilePerTaskSuite(string name, string folder, bool folderSuffixes, SuiteKind kind, ScoreScale scale, bool splitFirst, TaskAveraging averaging)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Name = name;
        Kind = kind;
        _folder = new SuiteFolder(folder, folderSuffixes);
        _scale = scale;
        _splitFirst = splitFirst;
        _averaging = averaging;
    }

    public string Name { get; }

    public SuiteKind Kind { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> FindSplits(string dataDirectory)
    {
        var files = TaskFiles(_folder.Resolve(dataDirectory, Name));
        return SplitNames.All.Where(files.ContainsKey).ToList();
    }

    /// <inheritdoc/>
    public LoadedSuite Load(string dataDirectory, string split)
    {
        var folders = _folder.Resolve(dataDirectory, Name);
        var files = TaskFiles(folders);
        if (!files.TryGetValue(split, out var tasks))
        {
            throw SplitNames.Missing(Name, split, string.Join(", ", folders), SplitNames.All.Where(files.ContainsKey).ToList());
        }

        var loaded = tasks.Select(t => TaskFile.Load(t.Task, t.Path, Kind, _scale)).ToList();
        return new LoadedSuite(Name, split, Kind, _averaging, loaded);
    }

    private Dictionary<string, List<(string Task, string Path)>> TaskFiles(IReadOnlyList<string> folders)
    {
        var bySplit = new Dictionary<string, List<(string Task, string Path)>>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            foreach (var path in Directory.EnumerateFiles(folder, "*.tsv"))
            {
                if (!TryParse(Path.GetFileNameWithoutExtension(path), out var split, out var task))
                {
                    throw new DatasetFormatException(SuiteFolder.DisplayName(path), 0, _splitFirst
                        ? "file name is not <split>.<task>.tsv with split test, dev or train; rename it or move it out of the suite folder"
                        : "file name is not <task>.<split>.tsv with split test, dev or train; rename it or move it out of the suite folder");
                }

                if (!bySplit.TryGetValue(split, out var list))
                {
                    bySplit[split] = list = [];
                }

                var duplicate = list.FindIndex(t => t.Task == task);
                if (duplicate >= 0)
                {
                    throw new DatasetNotFoundException(
                        $"{Name} task '{task}' of split '{split}' is in two files: {list[duplicate].Path} and {path}; point the data folder at one of them");
                }

                list.Add((task, path));
            }
        }

        foreach (var list in bySplit.Values)
        {
            list.Sort((a, b) => string.CompareOrdinal(a.Task, b.Task));
        }

        return bySplit;
    }

    private bool TryParse(string stem, out string split, out string task)
    {
        var dot = _splitFirst ? stem.IndexOf('.') : stem.LastIndexOf('.');
        split = task = string.Empty;
        if (dot <= 0 || dot == stem.Length - 1)
        {
            return false;
        }

        (split, task) = _splitFirst ? (stem[..dot], stem[(dot + 1)..]) : (stem[(dot + 1)..], stem[..dot]);
        return SplitNames.IsKnown(split);
    }
}
