using System.Globalization;

namespace Similarity.Grains.Evaluation.Reports;

/// <summary>A named set of a report's tasks and their average, e.g. <c>cross-lingual</c>: the 10 <c>en_xx</c> tasks of mstsb.</summary>
public sealed record TaskGroup(string Name, int TaskCount, IReadOnlyDictionary<string, double> Average)
{
    /// <summary>How tables label the group: <c>cross-lingual (10)</c>.</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"{Name} ({TaskCount})");
}
