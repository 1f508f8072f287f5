using Similarity.Grains.Contracts.Errors;
using Similarity.Silo.Fabric.Codec;

namespace Similarity.Silo.Calls;

/// <summary>Cuts a call's items into consecutive requests bounded by item count and encoded size.</summary>
public static class ChunkPlan
{
    /// <summary>
    /// The requests for <paramref name="count"/> items whose encoded sizes <paramref name="sizeOf"/> gives. One empty
    /// chunk for no items (so the reply still carries the model's dimension). An item too large on its own is an error
    /// naming it.
    /// </summary>
    public static List<RequestChunk> Cut(int count, Func<int, long> sizeOf, int maxItems, int maxBytes, string itemName = "text")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxItems, 1);
        var chunks = new List<RequestChunk>(Math.Max(1, (count + maxItems - 1) / maxItems));
        if (count == 0)
        {
            chunks.Add(new RequestChunk(0, 0));
            return chunks;
        }

        var start = 0;
        long bytes = EncodeRequestCodec.OverheadOf(maxItems);
        for (var i = 0; i < count; i++)
        {
            var size = sizeOf(i);
            if (EncodeRequestCodec.OverheadOf(1) + size > maxBytes)
            {
                throw new RequestTooLargeException(
                    $"{itemName} {i} takes {size} bytes encoded; a request may take at most {maxBytes} bytes", "input");
            }

            if (i > start && (i - start == maxItems || bytes + size > maxBytes))
            {
                chunks.Add(new RequestChunk(start, i - start));
                start = i;
                bytes = EncodeRequestCodec.OverheadOf(maxItems);
            }

            bytes += size;
        }

        chunks.Add(new RequestChunk(start, count - start));
        return chunks;
    }
}
