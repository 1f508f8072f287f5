using Orleans.Runtime;
using Orleans.Streams;
using Similarity.Client.Corpora;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Ingest;
using Similarity.Grains.Contracts.Values;
using Similarity.Grains.Encoders;
using Similarity.Silo.Tests.Doubles;

namespace Similarity.Silo.Tests.Corpora;

/// <summary>
/// Adds through the ingest streams: texts encoded by the model's grains, embeddings stored as given, rows numbered in the
/// order added across adds, a batch delivered twice stored once, texts kept in storage and read back by row.
/// </summary>
public sealed class CorpusIngestTests(CorpusClusterFixture fixture) : IClassFixture<CorpusClusterFixture>
{
    private static readonly CorpusAddOptions Small = new() { Lanes = 3, Window = 6 };

    private CorpusCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Added_texts_are_encoded_by_the_model_and_exported_in_the_order_added()
    {
        await using var client = Cluster.Sdk();
        await client.Corpora.CreateAsync("texts", CorpusCluster.Model, shards: 3);
        var texts = TestCorpus.Texts(1000);

        var added = await client.Corpora.AddAsync("texts", new TextSource(texts, batchSize: 64), Small);

        Assert.Equal((IngestStatus.Completed, 1000L, 1000L), (added.Status, added.StoredRows, added.ExpectedRows));
        Reference.AssertSame(Reference.Encode(new HashSentenceEncoder(), texts), (await client.Corpora.ExportAsync("texts")).ToEmbeddingMatrix());
        var info = await client.Corpora.GetInfoAsync("texts");
        Assert.Equal(1000, info.Rows);
        Assert.Equal(1000, info.Shards.Sum(s => s.Rows));
        Assert.All(info.Shards, s => Assert.True(s.Rows > 0, $"shard {s.Index} holds no rows"));
    }

    [Theory]
    [InlineData("vectors", 700, 24, 100)]
    [InlineData("wide", 3000, 384, 2048)] // 2048 rows of 384 values exceed a stream message: cut smaller
    public async Task Added_embeddings_are_stored_as_given(string corpus, int count, int dimension, int batchSize)
    {
        await using var client = Cluster.Sdk();
        await client.Corpora.CreateAsync(corpus, "external", shards: 2);
        var rows = UnitRows.Random(count, dimension, seed: 2);

        await client.Corpora.AddAsync(corpus, new EmbeddingSource(rows, batchSize), Small);

        Assert.Equal(rows.Values, (await client.Corpora.ExportAsync(corpus)).Values);
    }

    [Fact]
    public async Task A_second_add_numbers_its_rows_after_the_first()
    {
        await using var client = Cluster.Sdk();
        await client.Corpora.CreateAsync("two-adds", CorpusCluster.Model, shards: 2);
        var first = TestCorpus.Texts(150, " first");
        var second = TestCorpus.Texts(90, " second");

        await client.Corpora.AddAsync("two-adds", new TextSource(first, batchSize: 40), Small);
        await client.Corpora.AddAsync("two-adds", new TextSource(second, batchSize: 40), Small);

        Reference.AssertSame(Reference.Encode(new HashSentenceEncoder(), [.. first, .. second]), (await client.Corpora.ExportAsync("two-adds")).ToEmbeddingMatrix());
        Assert.Equal((string?[])[first[3], second[0], second[89]], await client.Corpora.GetTextsAsync("two-adds", [3, 150, 239]));
    }

    [Fact]
    public async Task Texts_are_read_back_by_row_and_rows_added_as_embeddings_have_none()
    {
        await using var client = Cluster.Sdk();
        await client.Corpora.CreateAsync("mixed", CorpusCluster.Model, shards: 2);
        var texts = TestCorpus.Texts(30);
        await client.Corpora.AddAsync("mixed", new TextSource(texts, batchSize: 7), Small);
        await client.Corpora.AddAsync("mixed", new EmbeddingSource(UnitRows.Random(5, 16, seed: 3), batchSize: 2), Small);

        var read = await client.Corpora.GetTextsAsync("mixed", [29, 0, 13, 30, 34]);

        Assert.Equal((string?[])[texts[29], texts[0], texts[13], null, null], read);
        await Assert.ThrowsAsync<Similarity.Grains.Contracts.Errors.InvalidRequestException>(() => client.Corpora.GetTextsAsync("mixed", [35]));
    }

    [Fact]
    public async Task A_batch_delivered_twice_is_stored_once()
    {
        await using var client = Cluster.Sdk();
        await client.Corpora.CreateAsync("twice", "external", shards: 2);
        var rows = UnitRows.Random(30, 8, seed: 4);
        var corpus = Cluster.Corpus("twice");
        var ticket = await corpus.BeginIngestAsync(new IngestPlan(IngestContent.Embeddings, 30, 3, 8, 2, DeviceClass.Cpu));
        var streams = Cluster.Client.GetStreamProvider(CorpusStreams.Provider);

        foreach (var batch in (int[])[0, 1, 0, 2, 1, 2])
        {
            var sequence = ticket.FirstSequence + batch;
            var message = new IngestBatch(
                "twice", ticket.Id, sequence, batch * 10, ticket.ShardOf(sequence), ticket.Model, DeviceClass.Cpu, ticket.Precision, null, UnitRows.Slice(rows, batch * 10, 10), 8);
            await streams.GetStream<IngestBatch>(StreamId.Create(CorpusStreams.Namespace, ticket.LaneKey(batch % 2))).OnNextAsync(message);
        }

        await Eventually(async () => (await corpus.GetIngestProgressAsync(ticket.Id)).Status == IngestStatus.Completed);
        Assert.Equal(rows.Values, (await client.Corpora.ExportAsync("twice")).Values);
        var info = await client.Corpora.GetInfoAsync("twice");
        Assert.Equal((30L, 30L, 3), (info.Rows, info.Shards.Sum(s => s.Rows), info.Shards.Sum(s => s.Blocks)));
    }

    [Fact]
    public async Task A_shard_stores_a_repeated_append_once()
    {
        await using var client = Cluster.Sdk();
        await client.Corpora.CreateAsync("append", "external", shards: 1);
        var rows = UnitRows.Random(4, 8, seed: 5);
        var append = new ShardAppend(Guid.NewGuid(), 0, 0, StoragePrecision.Float32, rows, null);

        Assert.True(await Cluster.Shard("append", 0).AppendAsync(append));
        Assert.False(await Cluster.Shard("append", 0).AppendAsync(append));

        Assert.Equal((4L, 1), ((await Cluster.Shard("append", 0).GetInfoAsync()).Rows, (await Cluster.Shard("append", 0).GetInfoAsync()).Blocks));
        Assert.Single(await Cluster.Store.ReadShardAsync("append", 0, default));
    }

    [Fact]
    public async Task A_float16_corpus_returns_every_value_within_1e_3_in_half_the_memory()
    {
        await using var client = Cluster.Sdk();
        await client.Corpora.CreateAsync("single", "external", shards: 2);
        await client.Corpora.CreateAsync("half", "external", shards: 2, StoragePrecision.Float16);
        var rows = UnitRows.Random(500, 384, seed: 6);

        await client.Corpora.AddAsync("single", new EmbeddingSource(rows, batchSize: 128), Small);
        await client.Corpora.AddAsync("half", new EmbeddingSource(rows, batchSize: 128), Small);

        var exported = await client.Corpora.ExportAsync("half");
        var worst = rows.Values.Zip(exported.Values, (a, b) => Math.Abs(a - b)).Max();
        Assert.InRange(worst, 1e-9, 1e-3);
        var cosineError = Enumerable.Range(0, 499).Max(i => Math.Abs(Dot(rows, i, rows, i + 1) - Dot(exported, i, exported, i + 1)));
        Assert.True(cosineError <= 1e-3, $"a cosine score moved by {cosineError}");
        Assert.Equal(
            (await client.Corpora.GetInfoAsync("single")).Shards.Sum(s => s.CachedBytes),
            2 * (await client.Corpora.GetInfoAsync("half")).Shards.Sum(s => s.CachedBytes));
    }

    [Fact]
    public async Task Progress_reports_the_rows_stored_of_those_expected_until_the_add_completes()
    {
        await using var client = Cluster.Sdk();
        await client.Corpora.CreateAsync("progress", CorpusCluster.Model, shards: 2);
        var reports = new List<IngestProgress>();

        await client.Corpora.AddAsync("progress", new TextSource(TestCorpus.Texts(400), batchSize: 20), Small, new SynchronousProgress(reports));

        Assert.All(reports, r => Assert.Equal(400, r.ExpectedRows));
        Assert.Equal(reports.Select(r => r.StoredRows).Order(), reports.Select(r => r.StoredRows));
        Assert.Equal((IngestStatus.Completed, 400L), (reports[^1].Status, reports[^1].StoredRows));
    }

    private static float Dot(FloatMatrix a, int i, FloatMatrix b, int j)
    {
        float sum = 0;
        for (var k = 0; k < a.Columns; k++)
        {
            sum += a.Row(i)[k] * b.Row(j)[k];
        }

        return sum;
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the add did not complete within 30 s");
            await Task.Delay(50);
        }
    }

    private sealed class SynchronousProgress(List<IngestProgress> reports) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => reports.Add(value);
    }
}
