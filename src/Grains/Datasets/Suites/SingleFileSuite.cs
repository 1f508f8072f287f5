using Similarity.Grains.Contracts.Evaluation;

namespace Similarity.Grains.Datasets.Suites;

/// <summary>A suite with one file per split and one task (stsb, sick, mrpc, qqp): <c>&lt;folder&gt;/&lt;file of the split&gt;</c>.</summary>
public sealed class SingleFileSuite : IEvaluationSuite
{
    private readonly SuiteFolder _folder;
    private readonly ScoreScale _scale;
    private readonly IReadOnlyDictionary<string, string> _splitFiles;

    /// <param name="splitFiles">File name for each split, e.g. SICK's dev split is <c>trial.tsv</c>.</param>
    public SingleFileSuite(string name, string folder, SuiteKind kind, ScoreScale scale, IReadOnlyDictionary<string, string> splitFiles)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(splitFiles);
        Name = name;
        Kind = kind;
        _folder = new SuiteFolder(folder, AllowsSuffix: false);
        _scale = scale;
        _splitFiles = splitFiles;
    }

    public string Name { get; }

    public SuiteKind Kind { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> FindSplits(string dataDirectory)
    {
        var folder = _folder.Resolve(dataDirectory, Name)[0];
        return SplitNames.All.Where(s => _splitFiles.TryGetValue(s, out var file) && File.Exists(Path.Combine(folder, file))).ToList();
    }

    /// <inheritdoc/>
    public LoadedSuite Load(string dataDirectory, string split)
    {
        var folder = _folder.Resolve(dataDirectory, Name)[0];
        var available = FindSplits(folder);
        if (!available.Contains(split, StringComparer.Ordinal))
        {
            throw SplitNames.Missing(Name, split, folder, available);
        }

        var task = TaskFile.Load(Name, Path.Combine(folder, _splitFiles[split]), Kind, _scale);
        return new LoadedSuite(Name, split, Kind, TaskAveraging.Mean, [task]);
    }
}
