using FsCheck;
using FsCheck.Fluent;

namespace Similarity.Grains.Tests.Metrics;

/// <summary>Random metric inputs for property tests: lengths 0–40, values with frequent ties, and all-equal arrays.</summary>
internal static class MetricGenerators
{
    /// <summary>Either a few distinct levels (many ties) or a fine grid of values.</summary>
    public static Gen<double> Value { get; } = Gen.OneOf(
        Gen.Choose(0, 4).Select(i => i * 0.5),
        Gen.Choose(-100_000, 100_000).Select(i => i / 997.0));

    public static Gen<double[]> Values(int length) => Gen.OneOf(
        Gen.ArrayOf(Value, length),
        Value.Select(v => Enumerable.Repeat(v, length).ToArray()));

    public static Gen<int[]> Labels(int length) => Gen.OneOf(
        Gen.ArrayOf(Gen.Choose(0, 1), length),
        Gen.Choose(0, 1).Select(l => Enumerable.Repeat(l, length).ToArray()));

    /// <summary>Two arrays of the same random length (0–40).</summary>
    public static Arbitrary<(double[] X, double[] Y)> PairedValues { get; } =
        (from n in Gen.Choose(0, 40)
         from x in Values(n)
         from y in Values(n)
         select (x, y)).ToArbitrary();

    /// <summary>Scores with 0/1 labels of the same random length (0–40).</summary>
    public static Arbitrary<(double[] Scores, int[] Labels)> ScoresWithLabels { get; } =
        (from n in Gen.Choose(0, 40)
         from s in Values(n)
         from l in Labels(n)
         select (s, l)).ToArbitrary();

    /// <summary>Predicted and gold class labels (0–2 for multi-class, else 0/1) of the same random length (0–40).</summary>
    public static Arbitrary<(int[] Predicted, int[] Gold)> ClassLabels(int classes) =>
        (from n in Gen.Choose(0, 40)
         from p in Gen.ArrayOf(Gen.Choose(0, classes - 1), n)
         from g in Gen.ArrayOf(Gen.Choose(0, classes - 1), n)
         select (p, g)).ToArbitrary();

    /// <summary>A non-empty array with NaN written at a random index.</summary>
    public static Arbitrary<(double[] Values, int NanIndex)> WithNaN { get; } =
        (from n in Gen.Choose(2, 30)
         from v in Gen.ArrayOf(Value, n)
         from i in Gen.Choose(0, n - 1)
         select (v.Select((x, k) => k == i ? double.NaN : x).ToArray(), i)).ToArbitrary();

    public static bool SameOrBothNaN(double expected, double actual, double tolerance = 1e-9) =>
        double.IsNaN(expected) ? double.IsNaN(actual) : Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected));

    /// <summary>True if <paramref name="action"/> rejects its input with a <see cref="Similarity.Grains.Metrics.MetricInputException"/>.</summary>
    public static bool Rejects(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (Similarity.Grains.Metrics.MetricInputException)
        {
            return true;
        }
    }
}
