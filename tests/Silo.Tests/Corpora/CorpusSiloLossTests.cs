using Similarity.Client.Corpora;
using Similarity.Grains.Contracts.Corpora.Ingest;
using Similarity.Grains.Encoders;
using Similarity.Silo.Tests.Cluster;
using Similarity.Silo.Tests.Doubles;

namespace Similarity.Silo.Tests.Corpora;

/// <summary>A silo lost in the middle of an add: its shards come back on the survivor from storage, and every row is stored once.</summary>
public sealed class CorpusSiloLossTests
{
    [Fact]
    public async Task A_silo_killed_mid_add_leaves_every_row_stored_exactly_once()
    {
        await using var cluster = await CorpusCluster.StartAsync(
            [new SlowedEncoder(new HashSentenceEncoder(), TimeSpan.FromMilliseconds(150)), new SlowedEncoder(new HashSentenceEncoder(), TimeSpan.FromMilliseconds(150))]);
        await using var client = cluster.Sdk();
        await client.Corpora.CreateAsync("kept", CorpusCluster.Model, shards: 4);
        var texts = TestCorpus.Texts(3000);

        long stored = 0;
        var add = client.Corpora.AddAsync(
            "kept",
            new TextSource(texts, batchSize: 50),
            new CorpusAddOptions { Lanes = 4, Window = 12, RepublishAfter = TimeSpan.FromSeconds(3) },
            new Progress<IngestProgress>(p => Interlocked.Exchange(ref stored, p.StoredRows)));
        await Poll.UntilAsync(() => Interlocked.Read(ref stored) >= 500);

        // Silo 1 holds shards 1 and 3 (shards are dealt out over the silos) and some of the lanes' consumers.
        await cluster.Orleans.KillSiloAsync(cluster.Orleans.Silos[1]);
        Assert.False(add.IsCompleted, "the add finished before the silo was killed: the test needs a larger workload");
        var added = await add;

        Assert.Equal(3000, added.StoredRows);
        Reference.AssertSame(Reference.Encode(new HashSentenceEncoder(), texts), (await client.Corpora.ExportAsync("kept")).ToEmbeddingMatrix());
        var info = await client.Corpora.GetInfoAsync("kept");
        Assert.Equal((3000L, 3000L, 60), (info.Rows, info.Shards.Sum(s => s.Rows), info.Shards.Sum(s => s.Blocks)));
        var inStore = 0;
        for (var shard = 0; shard < 4; shard++)
        {
            inStore += (await cluster.Store.ReadShardAsync("kept", shard, default)).Sum(b => b.Count);
        }

        Assert.Equal(3000, inStore);
    }
}
