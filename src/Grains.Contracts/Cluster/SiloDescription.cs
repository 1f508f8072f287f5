namespace Similarity.Grains.Contracts.Cluster;

/// <summary>One silo of the cluster: where it is, its membership status, and what it serves.</summary>
[GenerateSerializer]
[Immutable]
public sealed record SiloDescription
{
    /// <summary>Where other silos reach it, <c>IP:PORT</c> (its silo port).</summary>
    [Id(0)]
    public required string Address { get; init; }

    [Id(1)]
    public required string Name { get; init; }

    [Id(2)]
    public required string HostName { get; init; }

    /// <summary>Orleans' membership status, lower case: <c>active</c>, <c>joining</c>, <c>shuttingdown</c>, <c>dead</c>, ...</summary>
    [Id(3)]
    public required string Status { get; init; }

    /// <summary>The silo's device class, or null for a silo that declared none (one that serves no models).</summary>
    [Id(4)]
    public DeviceClass? Device { get; init; }

    [Id(5)]
    public string[] Models { get; init; } = [];

    /// <summary>The silo's HTTP API (<c>http://HOST:PORT</c>), when it serves one.</summary>
    [Id(6)]
    public string? HttpEndpoint { get; init; }

    [Id(7)]
    public DateTimeOffset StartedAt { get; init; }

    [Id(8)]
    public DateTimeOffset IAmAliveAt { get; init; }

    public bool IsActive => Status == "active";
}
