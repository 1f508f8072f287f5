namespace Similarity.Silo.Fabric;

/// <summary>A work queue's state at one moment: requests waiting and silos consuming.</summary>
public readonly record struct WorkQueueSnapshot(long Messages, int Consumers);
