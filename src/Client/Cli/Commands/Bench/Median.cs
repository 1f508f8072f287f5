namespace Similarity.Cli.Commands.Bench;

/// <summary>The middle of a bench's timed runs (the mean of the middle two for an even count): one slow run does not move it.</summary>
internal static class Median
{
    public static double Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
