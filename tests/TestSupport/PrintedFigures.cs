using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace Similarity.TestSupport;

/// <summary>Figures read back from a text report as printed (for example a bench table), with the precision they were printed to.</summary>
public static class PrintedFigures
{
    /// <summary>The first group of the line of <paramref name="output"/> matching <paramref name="linePattern"/> (leading spaces allowed).</summary>
    public static string Find(string output, string linePattern)
    {
        var match = Regex.Match(output, "^ *" + linePattern + "$", RegexOptions.Multiline);
        Assert.True(match.Success, $"no line matching '{linePattern}' in:\n{output}");
        return match.Groups[1].Value;
    }

    /// <summary>
    /// <paramref name="ratio"/> is positive and is <paramref name="numerator"/> / <paramref name="denominator"/> up to the rounding
    /// of all three as printed (half a unit of each one's last decimal).
    /// </summary>
    public static void AssertRatio(string ratio, string numerator, string denominator)
    {
        var (quotient, quotientHalfUnit) = Parse(ratio);
        var (top, topHalfUnit) = Parse(numerator);
        var (bottom, bottomHalfUnit) = Parse(denominator);
        Assert.True(top - topHalfUnit > 0 && bottom - bottomHalfUnit > 0, $"rates {numerator} and {denominator} must be positive to their precision");
        Assert.True(double.IsFinite(quotient) && quotient > 0, $"ratio {ratio}");
        var low = ((top - topHalfUnit) / (bottom + bottomHalfUnit)) - quotientHalfUnit - 1e-9;
        var high = ((top + topHalfUnit) / (bottom - bottomHalfUnit)) + quotientHalfUnit + 1e-9;
        Assert.True(quotient >= low && quotient <= high, $"printed ratio {ratio} is not {numerator} / {denominator} to the printed precision [{low}, {high}]");
    }

    private static (double Value, double HalfUnit) Parse(string printed)
    {
        var value = double.Parse(printed, NumberStyles.Float, CultureInfo.InvariantCulture);
        var point = printed.IndexOf('.', StringComparison.Ordinal);
        var decimals = point < 0 ? 0 : printed.Length - point - 1;
        return (value, 0.5 * Math.Pow(10, -decimals));
    }
}
