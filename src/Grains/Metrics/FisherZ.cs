namespace Similarity.Grains.Metrics;

/// <summary>Averages correlations through Fisher's z, <c>tanh(mean(arctanh(r)))</c>, as multilingual STS reports do.</summary>
public static class FisherZ
{
    /// <summary>Correlations are clipped to ±0.999999 first so a perfect ±1 does not become an infinite z.</summary>
    public const double Clip = 0.999999;

    /// <summary>
    /// The Fisher-z mean of <paramref name="correlations"/>. A NaN correlation (an undefined task) makes the average NaN;
    /// an empty list or a value outside [-1, 1] is rejected.
    /// </summary>
    public static double Average(ReadOnlySpan<double> correlations)
    {
        MetricInput.RequireAtLeast(correlations.Length, 1, "A Fisher-z average");
        double sum = 0;
        for (var i = 0; i < correlations.Length; i++)
        {
            var r = correlations[i];
            if (r is < -1.0 or > 1.0 || double.IsInfinity(r))
            {
                throw new MetricInputException($"correlation {r} at index {i} is outside [-1, 1].");
            }

            sum += Math.Atanh(Math.Clamp(r, -Clip, Clip));
        }

        return Math.Tanh(sum / correlations.Length);
    }
}
