using Similarity.Grains.Contracts.Evaluation;

namespace Similarity.Grains.Datasets.Suites;

/// <summary>The suites <c>simctl eval</c> knows, by name.</summary>
public sealed class SuiteCatalog
{
    private readonly Dictionary<string, IEvaluationSuite> _byName;

    public SuiteCatalog(IEnumerable<IEvaluationSuite> suites)
    {
        ArgumentNullException.ThrowIfNull(suites);
        Suites = suites.ToList();
        _byName = new Dictionary<string, IEvaluationSuite>(StringComparer.OrdinalIgnoreCase);
        foreach (var suite in Suites)
        {
            if (!_byName.TryAdd(suite.Name, suite))
            {
                throw new ArgumentException($"Two suites are named '{suite.Name}'.", nameof(suites));
            }
        }
    }

    /// <summary>
    /// stsb, sick, sts12-16, mrpc, qqp, stsb-multi-mt and mstsb, laid out as in the shared data folder
    /// (<c>data/&lt;suite&gt;/...</c>; mstsb also <c>data/mstsb-*</c>).
    /// </summary>
    public static SuiteCatalog Default { get; } = new(
    [
        new SingleFileSuite("stsb", "stsb", SuiteKind.Similarity, ScoreScale.ZeroToFive, SplitFiles("test.tsv", "dev.tsv", "train.tsv")),
        new SingleFileSuite("sick", "sick", SuiteKind.Similarity, ScoreScale.OneToFive, SplitFiles("test.tsv", "trial.tsv", "train.tsv")),
        new FilePerTaskSuite("sts12-16", "sts12-16", folderSuffixes: false, SuiteKind.Similarity, ScoreScale.ZeroToFive, splitFirst: false, TaskAveraging.Mean),
        new SingleFileSuite("mrpc", "mrpc", SuiteKind.Classification, ScoreScale.ZeroToFive, SplitFiles("test.tsv", "dev.tsv", "train.tsv")),
        new SingleFileSuite("qqp", "qqp", SuiteKind.Classification, ScoreScale.ZeroToFive, SplitFiles("test.tsv", "dev.tsv", "train.tsv")),
        new AlignedLanguagesSuite("stsb-multi-mt", "stsb-multi-mt", ScoreScale.ZeroToFive, pivotLanguage: "en"),
        new FilePerTaskSuite("mstsb", "mstsb", folderSuffixes: true, SuiteKind.Similarity, ScoreScale.ZeroToFive, splitFirst: true, TaskAveraging.FisherZ),
    ]);

    public IReadOnlyList<IEvaluationSuite> Suites { get; }

    /// <summary>The suite called <paramref name="name"/> (any case); an unknown name fails with the list of known ones.</summary>
    public IEvaluationSuite Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name, out var suite)
            ? suite
            : throw new DatasetNotFoundException($"unknown suite '{name}'; known suites: {string.Join(", ", Suites.Select(s => s.Name))}");
    }

    private static Dictionary<string, string> SplitFiles(string test, string dev, string train) => new(StringComparer.Ordinal)
    {
        [SplitNames.Test] = test,
        [SplitNames.Dev] = dev,
        [SplitNames.Train] = train,
    };
}
