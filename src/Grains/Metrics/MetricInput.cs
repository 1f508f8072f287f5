using System.Globalization;

namespace Similarity.Grains.Metrics;

/// <summary>Checks shared by every metric, so each rejects bad input with the same wording.</summary>
internal static class MetricInput
{
    public static void RequireSameLength(int first, int second, string firstName, string secondName)
    {
        if (first != second)
        {
            throw new MetricInputException($"{firstName} has {first} values but {secondName} has {second}; they must pair up one to one.");
        }
    }

    public static void RequireAtLeast(int count, int minimum, string what)
    {
        if (count < minimum)
        {
            throw new MetricInputException(count == 0
                ? $"{what} needs at least {minimum} pair{(minimum == 1 ? "" : "s")}; the input is empty."
                : $"{what} needs at least {minimum} pairs; got {count}.");
        }
    }

    public static void RequireFinite(ReadOnlySpan<double> values, string name)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new MetricInputException(
                    $"{name} contain {Describe(values[i])} at index {i}; every value must be a finite number.");
            }
        }
    }

    public static void RequireBinary(ReadOnlySpan<int> labels, string name)
    {
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] is not (0 or 1))
            {
                throw new MetricInputException(
                    string.Create(CultureInfo.InvariantCulture, $"{name} must be 0 or 1; index {i} holds {labels[i]}."));
            }
        }
    }

    public static void RequireNonNegative(ReadOnlySpan<int> labels, string name)
    {
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0)
            {
                throw new MetricInputException(
                    string.Create(CultureInfo.InvariantCulture, $"{name} must be class indices (0 or more); index {i} holds {labels[i]}."));
            }
        }
    }

    private static string Describe(double value) => double.IsNaN(value) ? "NaN" : value > 0 ? "+infinity" : "-infinity";
}
