using Similarity.Grains.Contracts.Evaluation;

namespace Similarity.Grains.Datasets.Suites;

/// <summary>A named benchmark (stsb, mrpc, mstsb, ...) that knows its files under a data folder and turns a split into tasks.</summary>
public interface IEvaluationSuite
{
    /// <summary>The name users pass (e.g. <c>stsb-multi-mt</c>).</summary>
    string Name { get; }

    SuiteKind Kind { get; }

    /// <summary>The splits present under <paramref name="dataDirectory"/> (the data root, or the suite's own folder).</summary>
    IReadOnlyList<string> FindSplits(string dataDirectory);

    /// <summary>Reads every task of <paramref name="split"/>; a missing split fails with the list of those that exist.</summary>
    LoadedSuite Load(string dataDirectory, string split);
}
