using Similarity.Grains.Encoders;
using Similarity.Silo.Tests.Doubles;

namespace Similarity.Silo.Tests.Cluster;

/// <summary>A silo lost in the middle of a call: its requests are served again by the others, no row lost or duplicated.</summary>
public sealed class SiloLossTests
{
    [Fact]
    public async Task Killing_a_silo_mid_call_loses_and_duplicates_no_row()
    {
        var first = new HashSentenceEncoder();
        var second = new HashSentenceEncoder();
        await using var cluster = await ModelCluster.StartAsync(
            [
                SiloSpec.Cpu("m", TestModelLoader.Register(new SlowedEncoder(first, TimeSpan.FromMilliseconds(20)))),
                SiloSpec.Cpu("m", TestModelLoader.Register(new SlowedEncoder(second, TimeSpan.FromMilliseconds(20)))),
            ]);
        await using var client = cluster.Sdk();
        var texts = TestCorpus.Texts(3000);

        var call = client.EncodeAsync(texts, "m");
        await Poll.UntilAsync(() => second.Texts >= 200);
        await cluster.Orleans.KillSiloAsync(cluster.Silos[1]);
        var embeddings = await call;

        Reference.AssertSame(Reference.Encode(new HashSentenceEncoder(), texts), embeddings.ToEmbeddingMatrix());
        Assert.True(first.Texts + second.Texts >= texts.Length, "every text was encoded at least once");
        Assert.True(cluster.GatewayLosses >= 1, "the client saw its gateway to the killed silo go");
    }

    [Fact]
    public async Task After_a_silo_is_killed_new_calls_go_to_the_survivors()
    {
        var survivor = new HashSentenceEncoder();
        await using var cluster = await ModelCluster.StartAsync(
            [SiloSpec.Cpu("m", TestModelLoader.Register(survivor)), SiloSpec.Cpu("m", TestModelLoader.Register(new HashSentenceEncoder()))]);
        await using var client = cluster.Sdk();
        await cluster.Orleans.KillSiloAsync(cluster.Silos[1]);
        await Poll.UntilAsync(() => cluster.GatewayLosses >= 1); // a call already running when the loss is seen is retried, and may encode a chunk twice
        var texts = TestCorpus.Texts(400);

        var embeddings = await client.EncodeAsync(texts, "m");

        Reference.AssertSame(Reference.Encode(new HashSentenceEncoder(), texts), embeddings.ToEmbeddingMatrix());
        Assert.Equal(400L, survivor.Texts);
    }
}
