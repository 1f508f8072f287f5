namespace Similarity.Inference.Batching;

/// <summary>The batcher's queue is full: the caller should back off and retry (or another replica should take the work).</summary>
public sealed class EncoderOverloadedException : Exception
{
    public EncoderOverloadedException(int requested, int queued, int capacity)
        : base(requested > capacity
            ? $"A request of {requested} texts exceeds the encoder's queue capacity of {capacity} texts; split it or raise QueueCapacity."
            : $"The encoder is overloaded: {queued} texts are queued, {requested} more would exceed the capacity of {capacity}. Retry later.")
    {
        Requested = requested;
        Queued = queued;
        Capacity = capacity;
    }

    public int Requested { get; }

    public int Queued { get; }

    public int Capacity { get; }
}
