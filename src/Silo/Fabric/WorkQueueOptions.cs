namespace Similarity.Silo.Fabric;

/// <summary>How a silo consumes a work queue and how the queue is bounded.</summary>
public sealed record WorkQueueOptions
{
    /// <summary>Requests one silo handles at once; the encoder batches across them, so this bounds the batch too.</summary>
    public int Prefetch { get; init; } = 32;

    /// <summary>Requests waiting in the queue before new ones are refused as overloaded (admission control).</summary>
    public int MaxLength { get; init; } = 10_000;

    /// <summary>Times one request may be returned to the queue (after failures or silo deaths) before it is dead-lettered.</summary>
    public int DeliveryLimit { get; init; } = 5;

    public static WorkQueueOptions Default { get; } = new();
}
