namespace Similarity.Silo.Membership;

/// <summary>A silo's load at its last heartbeat: requests in flight, how many it takes at once, and requests handled so far.</summary>
public readonly record struct SiloLoad(int InFlight, int Capacity, long Completed);
