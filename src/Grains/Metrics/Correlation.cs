namespace Similarity.Grains.Metrics;

/// <summary>
/// Pearson and Spearman correlation as scipy.stats computes them for sentence-transformers' STS evaluator.
/// At least 2 pairs are required; if either side is constant the correlation is undefined and NaN is returned (scipy's answer).
/// </summary>
public static class Correlation
{
    /// <summary>Pearson's r, from double sums of centred values, clipped to [-1, 1] (exactly ±1 for two pairs, as scipy).</summary>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        Validate(x, y, "Pearson correlation");
        return PearsonOfValid(x, y);
    }

    /// <summary>Spearman's rho: Pearson's r of the average ranks (ties share their mean rank).</summary>
    public static double Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        Validate(x, y, "Spearman correlation");
        if (IsConstant(x) || IsConstant(y))
        {
            return double.NaN;
        }

        return PearsonOfValid(Ranks.Average(x), Ranks.Average(y));
    }

    private static void Validate(ReadOnlySpan<double> x, ReadOnlySpan<double> y, string what)
    {
        MetricInput.RequireSameLength(x.Length, y.Length, "gold scores", "predicted scores");
        MetricInput.RequireAtLeast(x.Length, 2, what);
        MetricInput.RequireFinite(x, "gold scores");
        MetricInput.RequireFinite(y, "predicted scores");
    }

    private static double PearsonOfValid(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        // scipy checks exact constancy first: a mean computed in floating point need not equal the repeated value.
        if (IsConstant(x) || IsConstant(y))
        {
            return double.NaN;
        }

        // scipy answers two pairs exactly: ±1 by the directions, not by rounding-prone sums.
        if (x.Length == 2)
        {
            return Math.Sign(x[1] - x[0]) * Math.Sign(y[1] - y[0]);
        }

        var meanX = Mean(x);
        var meanY = Mean(y);
        double sxx = 0, syy = 0, sxy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }

        var r = sxy / (Math.Sqrt(sxx) * Math.Sqrt(syy));
        return Math.Clamp(r, -1.0, 1.0);
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    private static bool IsConstant(ReadOnlySpan<double> values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] != values[0])
            {
                return false;
            }
        }

        return true;
    }
}
