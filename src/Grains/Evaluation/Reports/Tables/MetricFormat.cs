using System.Globalization;

namespace Similarity.Grains.Evaluation.Reports.Tables;

/// <summary>How every report for people writes a metric: four decimals, <c>NaN</c> when undefined, <c>-</c> when absent.</summary>
public static class MetricFormat
{
    public static string Format(double? value) => value switch
    {
        null => "-",
        double v when double.IsNaN(v) => "NaN",
        double v => v.ToString("0.0000", CultureInfo.InvariantCulture),
    };
}
