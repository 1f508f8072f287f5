namespace Similarity.Grains.Metrics;

/// <summary>
/// sentence-transformers' <c>find_best_acc_and_threshold</c> / <c>find_best_f1_and_threshold</c>, with higher scores
/// meaning "more similar" for every similarity function (manhattan and euclidean are negated distances).
/// Scores are sorted descending (stable); after each of the first n−1 rows the rows so far are predicted positive,
/// the threshold is the midpoint to the next score, and only a strict improvement replaces the best.
/// With a single pair no midpoint exists and the initial values stand: accuracy 0 at threshold −1, F1 0 at threshold 0.
/// </summary>
public static class ThresholdSearch
{
    /// <summary>The best accuracy over the cuts and the midpoint threshold where it is first reached.</summary>
    public static AccuracyThreshold BestAccuracy(ReadOnlySpan<double> scores, ReadOnlySpan<int> labels)
    {
        Validate(scores, labels);
        var order = DescendingOrder.Of(scores);
        var negativesLeft = 0;
        foreach (var label in labels)
        {
            negativesLeft += 1 - label;
        }

        var best = new AccuracyThreshold(0, -1);
        var positivesSoFar = 0;
        for (var k = 0; k < order.Length - 1; k++)
        {
            if (labels[order[k]] == 1)
            {
                positivesSoFar++;
            }
            else
            {
                negativesLeft--;
            }

            var accuracy = (double)(positivesSoFar + negativesLeft) / labels.Length;
            if (accuracy > best.Accuracy)
            {
                best = new AccuracyThreshold(accuracy, Midpoint(scores, order, k));
            }
        }

        return best;
    }

    /// <summary>The best positive-class F1 over the cuts, its precision and recall, and the midpoint threshold where it is first reached.</summary>
    public static F1Threshold BestF1(ReadOnlySpan<double> scores, ReadOnlySpan<int> labels)
    {
        Validate(scores, labels);
        var order = DescendingOrder.Of(scores);
        var positives = 0;
        foreach (var label in labels)
        {
            positives += label;
        }

        var best = new F1Threshold(0, 0, 0, 0);
        var extracted = 0;
        var correct = 0;
        for (var k = 0; k < order.Length - 1; k++)
        {
            extracted++;
            correct += labels[order[k]];
            if (correct == 0)
            {
                continue;
            }

            var precision = (double)correct / extracted;
            var recall = (double)correct / positives;
            var f1 = 2 * precision * recall / (precision + recall);
            if (f1 > best.F1)
            {
                best = new F1Threshold(f1, precision, recall, Midpoint(scores, order, k));
            }
        }

        return best;
    }

    private static double Midpoint(ReadOnlySpan<double> scores, int[] order, int k) => (scores[order[k]] + scores[order[k + 1]]) / 2;

    private static void Validate(ReadOnlySpan<double> scores, ReadOnlySpan<int> labels)
    {
        MetricInput.RequireSameLength(scores.Length, labels.Length, "scores", "labels");
        MetricInput.RequireAtLeast(scores.Length, 1, "A threshold search");
        MetricInput.RequireFinite(scores, "scores");
        MetricInput.RequireBinary(labels, "labels");
    }
}
