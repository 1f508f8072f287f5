using Similarity.Grains.Contracts;

namespace Similarity.Silo.Membership;

/// <summary>One silo's row in the membership table.</summary>
public sealed record SiloRecord
{
    public required string ClusterId { get; init; }

    public required string SiloId { get; init; }

    public required string HostName { get; init; }

    public int ProcessId { get; init; }

    public DeviceClass Device { get; init; }

    /// <summary>What the silo does: its device class, <c>encoder</c> and/or <c>cross-encoder</c>, <c>http</c>.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    public IReadOnlyList<string> Models { get; init; } = [];

    public string? HttpEndpoint { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset HeartbeatAt { get; init; }

    public SiloStatus Status { get; init; }

    public SiloLoad Load { get; init; }
}
