namespace Similarity.Grains.Metrics;

/// <summary>
/// Indices that sort scores from highest to lowest, equal scores kept in input order: what Python's stable
/// <c>sorted(..., reverse=True)</c> gives sentence-transformers' threshold search.
/// </summary>
internal static class DescendingOrder
{
    public static int[] Of(ReadOnlySpan<double> scores)
    {
        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = scores.ToArray();
        order.AsSpan().Sort((a, b) =>
        {
            var byScore = keys[b].CompareTo(keys[a]);
            return byScore != 0 ? byScore : a.CompareTo(b);
        });
        return order;
    }
}
