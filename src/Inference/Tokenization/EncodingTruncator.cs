namespace Similarity.Inference.Tokenization;

/// <summary>Hugging Face's <c>truncate_encodings</c>: shortens one text or a pair to fit a length budget.</summary>
internal static class EncodingTruncator
{
    /// <summary>
    /// Truncates so that the texts total at most <c>options.MaxLength - reserved</c> tokens (<paramref name="reserved"/>
    /// being the special tokens the post-processor will add).
    /// </summary>
    public static void Truncate(EncodingBuffer first, EncodingBuffer? second, TruncationOptions options, int reserved)
    {
        var maxLength = Math.Max(options.MaxLength - reserved, 0);
        var direction = options.Direction;
        if (maxLength == 0)
        {
            first.Truncate(0, direction);
            second?.Truncate(0, direction);
            return;
        }

        var total = first.Count + (second?.Count ?? 0);
        if (total <= maxLength)
        {
            return;
        }

        var toRemove = total - maxLength;
        switch (options.Strategy)
        {
            case TruncationStrategy.LongestFirst when second is null:
                first.Truncate(maxLength, direction);
                break;
            case TruncationStrategy.LongestFirst:
            {
                // n1 is the shorter sequence's share, n2 the longer's; swapped back below.
                var swap = first.Count > second.Count;
                var n1 = Math.Min(first.Count, second.Count);
                var n2 = n1 > maxLength ? n1 : Math.Max(n1, maxLength - n1);
                if (n1 + n2 > maxLength)
                {
                    n1 = maxLength / 2;
                    n2 = n1 + (maxLength % 2);
                }

                if (swap)
                {
                    (n1, n2) = (n2, n1);
                }

                first.Truncate(n1, direction);
                second.Truncate(n2, direction);
                break;
            }

            case TruncationStrategy.OnlyFirst:
            case TruncationStrategy.OnlySecond:
            {
                var target = options.Strategy == TruncationStrategy.OnlyFirst
                    ? first
                    : second ?? throw new ArgumentException("Truncation OnlySecond needs a pair of texts, but only one was given.");
                if (target.Count <= toRemove)
                {
                    var which = options.Strategy == TruncationStrategy.OnlyFirst ? "first" : "second";
                    throw new ArgumentException(
                        $"Truncation {options.Strategy} to {options.MaxLength} tokens must remove {toRemove} tokens, but the {which} text has only {target.Count}.");
                }

                target.Truncate(target.Count - toRemove, direction);
                break;
            }
        }
    }
}
