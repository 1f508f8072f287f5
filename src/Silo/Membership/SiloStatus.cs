namespace Similarity.Silo.Membership;

/// <summary>Where a silo is in its life; a silo whose heartbeat stops is dead whatever its last status said.</summary>
public enum SiloStatus
{
    Joining,
    Active,
    ShuttingDown,
}
