namespace Similarity.Grains.Tests.Metrics;

/// <summary>
/// Slow, literal double-precision versions of the metrics, written differently from the product code
/// (pairwise differences, counting, O(n²) loops) so property tests compare two independent computations.
/// </summary>
internal static class NaiveMetrics
{
    public static double Pearson(double[] x, double[] y)
    {
        if (x.Distinct().Count() == 1 || y.Distinct().Count() == 1)
        {
            return double.NaN;
        }

        // Σ_{i<j} (xi − xj)(yi − yj) is n² times the covariance; no mean is needed.
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = i + 1; j < x.Length; j++)
            {
                sxy += (x[i] - x[j]) * (y[i] - y[j]);
                sxx += (x[i] - x[j]) * (x[i] - x[j]);
                syy += (y[i] - y[j]) * (y[i] - y[j]);
            }
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    public static double[] AverageRanks(double[] values) =>
        values.Select(v => 1 + values.Count(w => w < v) + (values.Count(w => w == v) - 1) / 2.0).ToArray();

    public static double Spearman(double[] x, double[] y) => Pearson(AverageRanks(x), AverageRanks(y));

    /// <summary>Rows sorted by score, highest first, ties in input order (LINQ's OrderByDescending is stable).</summary>
    private static (double Score, int Label)[] Sorted(double[] scores, int[] labels) =>
        scores.Zip(labels).OrderByDescending(p => p.First).Select(p => (p.First, p.Second)).ToArray();

    public static (double Accuracy, double Threshold) BestAccuracy(double[] scores, int[] labels)
    {
        var rows = Sorted(scores, labels);
        (double Accuracy, double Threshold) best = (0, -1);
        for (var cut = 0; cut < rows.Length - 1; cut++)
        {
            var correct = rows.Select((r, i) => (i <= cut ? 1 : 0) == r.Label).Count(c => c);
            var accuracy = (double)correct / rows.Length;
            if (accuracy > best.Accuracy)
            {
                best = (accuracy, (rows[cut].Score + rows[cut + 1].Score) / 2);
            }
        }

        return best;
    }

    public static (double F1, double Precision, double Recall, double Threshold) BestF1(double[] scores, int[] labels)
    {
        var rows = Sorted(scores, labels);
        var positives = labels.Sum();
        (double F1, double Precision, double Recall, double Threshold) best = (0, 0, 0, 0);
        for (var cut = 0; cut < rows.Length - 1; cut++)
        {
            var truePositives = rows.Take(cut + 1).Count(r => r.Label == 1);
            if (truePositives == 0)
            {
                continue;
            }

            var precision = (double)truePositives / (cut + 1);
            var recall = (double)truePositives / positives;
            var f1 = 2 * precision * recall / (precision + recall);
            if (f1 > best.F1)
            {
                best = (f1, precision, recall, (rows[cut].Score + rows[cut + 1].Score) / 2);
            }
        }

        return best;
    }

    public static double AveragePrecision(double[] scores, int[] labels)
    {
        var positives = labels.Sum();
        if (positives == 0)
        {
            return 0;
        }

        double sum = 0, previousRecall = 0;
        foreach (var threshold in scores.Distinct().OrderByDescending(s => s))
        {
            var selected = scores.Select((s, i) => (s, i)).Where(p => p.s >= threshold).Select(p => labels[p.i]).ToArray();
            var recall = (double)selected.Sum() / positives;
            var precision = (double)selected.Sum() / selected.Length;
            sum += (recall - previousRecall) * precision;
            previousRecall = recall;
        }

        return sum;
    }

    public static double Mcc(int[] predicted, int[] gold)
    {
        double tp = 0, tn = 0, fp = 0, fn = 0;
        for (var i = 0; i < gold.Length; i++)
        {
            tp += predicted[i] == 1 && gold[i] == 1 ? 1 : 0;
            tn += predicted[i] == 0 && gold[i] == 0 ? 1 : 0;
            fp += predicted[i] == 1 && gold[i] == 0 ? 1 : 0;
            fn += predicted[i] == 0 && gold[i] == 1 ? 1 : 0;
        }

        var denominator = (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn);
        return denominator == 0 ? 0 : (tp * tn - fp * fn) / Math.Sqrt(denominator);
    }

    public static double ClassF1(int[] predicted, int[] gold, int label)
    {
        var tp = predicted.Zip(gold).Count(p => p.First == label && p.Second == label);
        var predictedCount = predicted.Count(p => p == label);
        var goldCount = gold.Count(g => g == label);
        var precision = predictedCount == 0 ? 0 : (double)tp / predictedCount;
        var recall = goldCount == 0 ? 0 : (double)tp / goldCount;
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    public static double MacroF1(int[] predicted, int[] gold) =>
        predicted.Union(gold).Average(label => ClassF1(predicted, gold, label));

    public static double FisherZ(double[] correlations) =>
        Math.Tanh(correlations.Select(r => Math.Clamp(r, -0.999999, 0.999999)).Average(r => 0.5 * Math.Log((1 + r) / (1 - r))));
}
