namespace Similarity.Grains.Kernels.Scanning;

/// <summary>
/// A rigorous bound on |float32 kernel score − float64 score|: <c>Absolute + Relative·|score|</c>.
/// Scans keep every candidate the bound cannot rule out and decide in float64, so orderings and
/// thresholds are exactly those of the float64 definition.
/// </summary>
/// <remarks>
/// With u = 2⁻²⁴ and γₙ = nu/(1−nu) (the classic bound for an n-term float sum, which lane-wise sums with a
/// final reduction also meet): a dot product is off by at most γ_d·Σ|aᵢbᵢ| ≤ γ_d·‖a‖‖b‖; unit rows rounded once
/// add 2u, so cosine is within γ_{d+3}; L1 and L2 terms carry one or three more roundings. Each is doubled,
/// plus 1e-12 for the float64 side.
/// </remarks>
internal readonly record struct ScoreErrorBound(double Absolute, double Relative)
{
    private const double UnitRoundoff = 1.0 / (1 << 24);
    private const double PreciseSlack = 1e-12;

    public static ScoreErrorBound For(SimilarityFunction function, int dimensions, double rowNorm, double otherMaxNorm) => function switch
    {
        SimilarityFunction.Cosine => new(2 * Gamma(dimensions + 3) + PreciseSlack, PreciseSlack),
        SimilarityFunction.Dot => new((2 * Gamma(dimensions) + PreciseSlack) * rowNorm * otherMaxNorm + PreciseSlack, PreciseSlack),
        SimilarityFunction.Manhattan => new(PreciseSlack, 2 * Gamma(dimensions + 1) + PreciseSlack),
        SimilarityFunction.Euclidean => new(PreciseSlack, 2 * Gamma(dimensions + 4) + PreciseSlack),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
    };

    /// <summary>The highest float64 score a row with this kernel score can have (NaN when the kernel score is NaN).</summary>
    public double Upper(float kernelScore) => kernelScore + Absolute + Relative * Math.Abs(kernelScore);

    /// <summary>The lowest float64 score a row with this kernel score can have.</summary>
    public double Lower(float kernelScore) => kernelScore - Absolute - Relative * Math.Abs(kernelScore);

    private static double Gamma(int n)
    {
        var nu = n * UnitRoundoff;
        return nu < 0.5 ? nu / (1 - nu) : double.PositiveInfinity;
    }
}
