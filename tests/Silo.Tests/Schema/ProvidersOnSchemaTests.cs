using Microsoft.Extensions.DependencyInjection;
using Orleans.Messaging;
using Orleans.Runtime;
using Orleans.Storage;
using Similarity.Silo.Tests.Schema.Grains;

namespace Similarity.Silo.Tests.Schema;

/// <summary>
/// Orleans' ADO.NET providers running a real two-silo cluster on the migrated schema: membership and the client's
/// gateway list, grain state with its etags, reminders, and a persistent stream.
/// </summary>
public class ProvidersOnSchemaTests(ClusterOnSchema cluster) : IClassFixture<ClusterOnSchema>
{
    [Fact]
    public async Task Both_silos_are_active_in_membership_and_the_client_finds_them_through_the_gateway_query()
    {
        var active = await Sql.ListAsync<int>(
            cluster.Database, $"SELECT proxy_port FROM membership_silo WHERE cluster_id = '{ClusterOnSchema.ClusterId}' AND status = 3 ORDER BY proxy_port");
        var gateways = await cluster.Client.ServiceProvider.GetRequiredService<IGatewayListProvider>().GetGateways();
        var hosts = await cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);

        Assert.Equal(cluster.GatewayPorts.Order(), active);
        Assert.Equal(cluster.GatewayPorts.Order(), gateways.Select(g => g.Port).Order());
        Assert.Equal(2, hosts.Count);
    }

    [Fact]
    public async Task Grain_state_written_by_one_activation_is_read_by_the_next()
    {
        var key = "kept-" + Guid.NewGuid().ToString("N");
        var number = Random.Shared.NextInt64(1, long.MaxValue);
        ICounterGrain[] counters = [cluster.Client.GetGrain<INamedCounterGrain>(key), cluster.Client.GetGrain<INumberedCounterGrain>(number)];

        foreach (var counter in counters)
        {
            await counter.Add(5);
            Assert.Equal(7, await counter.Add(2));
            var first = await counter.Activation();
            await counter.Deactivate();

            Assert.Equal(7, await counter.Read());
            Assert.NotEqual(first, await counter.Activation());
        }

        Assert.Equal(2, await Sql.ScalarAsync<int>(cluster.Database, $"SELECT version FROM grain_state WHERE grain_id_extension = '{key}'"));
        Assert.Equal(2, await Sql.ScalarAsync<int>(cluster.Database, $"SELECT version FROM grain_state WHERE grain_id_n1 = {number} AND grain_id_extension IS NULL"));
    }

    [Fact]
    public async Task A_write_behind_the_stored_version_is_refused_and_the_grain_starts_again_from_storage()
    {
        var key = "etag-" + Guid.NewGuid().ToString("N");
        var counter = cluster.Client.GetGrain<INamedCounterGrain>(key);
        await counter.Add(1);
        await Sql.ExecuteAsync(cluster.Database, $"UPDATE grain_state SET version = version + 1 WHERE grain_id_extension = '{key}'");

        await Assert.ThrowsAsync<InconsistentStateException>(() => counter.Add(10));

        Assert.Equal(1, await counter.Read());
        Assert.Equal(3, await counter.Add(2));
        Assert.Equal(3, await Sql.ScalarAsync<int>(cluster.Database, $"SELECT version FROM grain_state WHERE grain_id_extension = '{key}'"));
    }

    [Fact]
    public async Task Cleared_state_reads_as_new_and_keeps_its_version_for_the_next_write()
    {
        var key = "cleared-" + Guid.NewGuid().ToString("N");
        var counter = cluster.Client.GetGrain<INamedCounterGrain>(key);
        await counter.Add(3);

        await counter.Forget();
        await counter.Deactivate();

        Assert.Equal(0, await counter.Read());
        Assert.True(await Sql.ScalarAsync<bool>(cluster.Database, $"SELECT payload IS NULL AND version = 2 FROM grain_state WHERE grain_id_extension = '{key}'"));
        Assert.Equal(4, await counter.Add(4));
        Assert.Equal(3, await Sql.ScalarAsync<int>(cluster.Database, $"SELECT version FROM grain_state WHERE grain_id_extension = '{key}'"));
    }

    [Fact]
    public async Task A_reminder_is_stored_fires_and_is_removed()
    {
        var probe = cluster.Client.GetGrain<IReminderProbeGrain>(Random.Shared.NextInt64(1, long.MaxValue));
        var stored = $"SELECT count(*) FROM reminder WHERE grain_id = '{probe.GetGrainId()}' AND reminder_name = '{ReminderProbeGrain.ReminderName}'";

        await probe.Start(TimeSpan.FromSeconds(1));

        Assert.True(await probe.IsRegistered());
        Assert.Equal(1L, await Sql.ScalarAsync<long>(cluster.Database, stored));
        await Eventually.HoldsAsync(async () => await probe.Ticks() >= 2);
        await probe.Stop();
        Assert.False(await probe.IsRegistered());
        Assert.Equal(0L, await Sql.ScalarAsync<long>(cluster.Database, stored));
    }

    [Fact]
    public async Task Each_silo_reads_the_reminders_of_its_hash_range_wrapped_or_not()
    {
        var table = cluster.Silos[0].Services.GetRequiredService<IReminderTable>();
        var grains = Enumerable.Range(0, 48).Select(i => GrainId.Create("range-probe", $"g{i}")).ToArray();
        foreach (var grain in grains)
        {
            await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "r", StartAt = DateTime.UtcNow.AddDays(1), Period = TimeSpan.FromDays(1) });
        }

        try
        {
            (uint Begin, uint End)[] ranges =
            [
                (0x1000_0000, 0x6000_0000), (0x3000_0000, 0xB000_0000), (0x9000_0000, 0xF000_0000),
                (0xB000_0000, 0x3000_0000), (0xF000_0000, 0x1000_0000), (0x6000_0000, 0x6000_0000),
            ];
            foreach (var (begin, end) in ranges)
            {
                var read = (await table.ReadRows(begin, end)).Reminders.Where(r => grains.Contains(r.GrainId)).Select(r => r.GrainId);

                // Orleans' ring ranges are (begin, end], wrapping past zero when end <= begin.
                var expected = grains.Where(g => InRange(g.GetUniformHashCode(), begin, end));
                Assert.Equal(expected.Order(), read.Order());
            }
        }
        finally
        {
            foreach (var grain in grains)
            {
                var row = await table.ReadRow(grain, "r");
                await table.RemoveRow(grain, "r", row!.ETag!);
            }
        }
    }

    [Fact]
    public async Task A_reminder_changes_or_goes_only_with_its_current_etag()
    {
        var table = cluster.Silos[1].Services.GetRequiredService<IReminderTable>();
        var grain = GrainId.Create("etag-probe", Guid.NewGuid().ToString("N"));
        var start = new DateTime(2027, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);
        var entry = new ReminderEntry { GrainId = grain, ReminderName = "r", StartAt = start, Period = TimeSpan.FromDays(40) };

        var first = await table.UpsertRow(entry);
        var second = await table.UpsertRow(entry);

        Assert.NotEqual(first, second);
        var stored = await table.ReadRow(grain, "r");
        Assert.Equal((second, TimeSpan.FromDays(40), start), (stored!.ETag, stored.Period, stored.StartAt));
        Assert.Single((await table.ReadRows(grain)).Reminders);
        Assert.False(await table.RemoveRow(grain, "r", first!));
        Assert.True(await table.RemoveRow(grain, "r", second!));
        Assert.Null(await table.ReadRow(grain, "r"));
    }

    [Fact]
    public async Task A_persistent_stream_delivers_every_event_in_order_and_empties_its_queue()
    {
        var id = Guid.NewGuid();
        var stream = cluster.Client.GetStreamProvider(ClusterOnSchema.StreamProvider).GetStream<int>(StreamId.Create(NumberSinkGrain.Namespace, id));
        var sink = cluster.Client.GetGrain<INumberSinkGrain>(id);

        foreach (var number in Enumerable.Range(1, 20))
        {
            await stream.OnNextAsync(number);
        }

        await Eventually.HoldsAsync(async () => (await sink.Received()).Length >= 20);
        Assert.Equal(Enumerable.Range(1, 20), await sink.Received());
        await Eventually.HoldsAsync(async () => await Sql.ScalarAsync<long>(cluster.Database, "SELECT count(*) FROM stream_message") == 0);
    }

    private static bool InRange(uint hash, uint begin, uint end) => begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
}
