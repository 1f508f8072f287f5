namespace Similarity.Grains.Metrics;

/// <summary>Ranks with ties averaged (scipy's <c>rankdata(method="average")</c>), the ranks Spearman correlates.</summary>
public static class Ranks
{
    /// <summary>Writes the 1-based rank of each value; tied values share the mean of the ranks they span.</summary>
    public static void Average(ReadOnlySpan<double> values, Span<double> ranks)
    {
        MetricInput.RequireSameLength(values.Length, ranks.Length, "values", "ranks");
        MetricInput.RequireFinite(values, "values");
        var order = new int[values.Length];
        var keys = values.ToArray();
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        var start = 0;
        while (start < keys.Length)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            // Positions start..end-1 (0-based) hold ranks start+1..end; their mean is (start + 1 + end) / 2.
            var rank = (start + 1 + end) / 2.0;
            for (var k = start; k < end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end;
        }
    }

    /// <summary>Average ranks in a new array.</summary>
    public static double[] Average(ReadOnlySpan<double> values)
    {
        var ranks = new double[values.Length];
        Average(values, ranks);
        return ranks;
    }
}
