using Similarity.Grains.Contracts.Evaluation;

namespace Similarity.Grains.Datasets.Suites;

/// <summary>A suite's tasks for one split, read from disk and ready for an evaluator.</summary>
public sealed record LoadedSuite(string Suite, string Split, SuiteKind Kind, TaskAveraging Averaging, IReadOnlyList<PairTask> Tasks);
