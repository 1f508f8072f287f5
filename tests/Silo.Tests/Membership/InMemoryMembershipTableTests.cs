using Similarity.Silo.Membership;

namespace Similarity.Silo.Tests.Membership;

public class InMemoryMembershipTableTests
{
    private static SiloRecord Silo(string id, string cluster = "c") => new() { ClusterId = cluster, SiloId = id, HostName = "h", Models = ["m"] };

    [Fact]
    public async Task A_silo_whose_heartbeat_is_older_than_the_timeout_is_not_live()
    {
        var clock = new ManualClock();
        var table = new InMemoryMembershipTable(clock);
        await table.JoinAsync(Silo("a"));
        await table.JoinAsync(Silo("b"));
        clock.Advance(TimeSpan.FromSeconds(10));
        await table.HeartbeatAsync("c", "b", SiloStatus.Active, new SiloLoad(1, 32, 7));

        var status = await table.ReadLiveAsync("c", TimeSpan.FromSeconds(5));

        var live = Assert.Single(status.Silos);
        Assert.Equal(("b", SiloStatus.Active, new SiloLoad(1, 32, 7)), (live.SiloId, live.Status, live.Load));
    }

    [Fact]
    public async Task Clusters_do_not_see_each_others_silos()
    {
        var table = new InMemoryMembershipTable();
        await table.JoinAsync(Silo("a", "one"));
        await table.JoinAsync(Silo("b", "two"));

        Assert.Equal(["a"], (await table.ReadLiveAsync("one", TimeSpan.FromMinutes(1))).Silos.Select(s => s.SiloId));
    }

    [Fact]
    public async Task A_heartbeat_without_joining_is_refused()
    {
        var table = new InMemoryMembershipTable();

        await Assert.ThrowsAsync<InvalidOperationException>(() => table.HeartbeatAsync("c", "ghost", SiloStatus.Active, default));
    }

    [Fact]
    public async Task A_silo_that_leaves_is_gone()
    {
        var table = new InMemoryMembershipTable();
        await table.JoinAsync(Silo("a"));

        await table.LeaveAsync("c", "a");

        Assert.Empty((await table.ReadLiveAsync("c", TimeSpan.FromMinutes(1))).Silos);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
