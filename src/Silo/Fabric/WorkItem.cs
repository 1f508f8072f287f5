namespace Similarity.Silo.Fabric;

/// <summary>One request as a worker receives it. <see cref="Request"/> is valid only until the handler returns.</summary>
public readonly record struct WorkItem(ReadOnlyMemory<byte> Request, int DeliveryCount, DateTimeOffset SentAt, DateTimeOffset Deadline);
