using System.Collections.Concurrent;

namespace Similarity.Silo.Membership;

/// <summary>Membership for one process (the embedded default and in-memory local clusters).</summary>
public sealed class InMemoryMembershipTable(TimeProvider? clock = null) : IMembershipTable
{
    private readonly ConcurrentDictionary<(string Cluster, string Silo), SiloRecord> _rows = new();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public Task EnsureSchemaAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task JoinAsync(SiloRecord silo, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        _rows[(silo.ClusterId, silo.SiloId)] = silo with { HeartbeatAt = now };
        return Task.CompletedTask;
    }

    public Task HeartbeatAsync(string clusterId, string siloId, SiloStatus status, SiloLoad load, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        _rows.AddOrUpdate(
            (clusterId, siloId),
            _ => throw new InvalidOperationException($"silo '{siloId}' heartbeats without having joined cluster '{clusterId}'"),
            (_, row) => row with { Status = status, Load = load, HeartbeatAt = now });
        return Task.CompletedTask;
    }

    public Task LeaveAsync(string clusterId, string siloId, CancellationToken cancellationToken = default)
    {
        _rows.TryRemove((clusterId, siloId), out _);
        return Task.CompletedTask;
    }

    public Task<ClusterStatus> ReadLiveAsync(string clusterId, TimeSpan staleAfter, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        var live = _rows.Values
            .Where(r => r.ClusterId == clusterId && now - r.HeartbeatAt < staleAfter)
            .OrderBy(r => r.SiloId, StringComparer.Ordinal)
            .ToArray();
        return Task.FromResult(new ClusterStatus(clusterId, live, now));
    }
}
