using Similarity.Client.Corpora;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Errors;
using Similarity.Grains.Contracts.Corpora.Ingest;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Contracts.Values;
using Similarity.Grains.Encoders;
using Similarity.Silo.Tests.Doubles;

namespace Similarity.Silo.Tests.Corpora;

/// <summary>Rows that do not fit a corpus are refused naming the corpus, the row or the input, and nothing stored before is lost.</summary>
public sealed class CorpusInputErrorTests(CorpusClusterFixture fixture) : IClassFixture<CorpusClusterFixture>
{
    private CorpusCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Embeddings_of_another_width_are_refused_and_the_rows_stored_are_kept()
    {
        await using var client = Cluster.Sdk();
        await client.Corpora.CreateAsync("width", CorpusCluster.Model, shards: 2);
        await client.Corpora.AddTextsAsync("width", TestCorpus.Texts(20));

        var refused = await Assert.ThrowsAsync<CorpusMismatchException>(
            () => client.Corpora.AddAsync("width", new EmbeddingSource(UnitRows.Random(5, 8, seed: 1), name: "wide.npy")));

        Assert.Equal("corpus 'width' holds rows of 16 values; wide.npy has 8 per row", refused.Message);
        Assert.Equal(20, (await client.Corpora.GetInfoAsync("width")).Rows);
        Reference.AssertSame(Reference.Encode(new HashSentenceEncoder(), TestCorpus.Texts(20)), (await client.Corpora.ExportAsync("width")).ToEmbeddingMatrix());
    }

    [Fact]
    public async Task Rows_said_to_come_from_another_model_are_refused()
    {
        await using var client = Cluster.Sdk();
        await client.Corpora.CreateAsync("model-check", CorpusCluster.Model);

        var refused = await Assert.ThrowsAsync<CorpusMismatchException>(
            () => client.Corpora.AddAsync("model-check", new TextSource(["x"]), new CorpusAddOptions { Model = "other" }));

        Assert.Contains("corpus 'model-check' holds embeddings of model 'm', not 'other'", refused.Message);
    }

    [Fact]
    public async Task Texts_for_a_corpus_whose_model_no_silo_serves_are_refused_before_anything_is_published()
    {
        await using var client = Cluster.Sdk();
        await client.Corpora.CreateAsync("unserved", "elsewhere");

        var refused = await Assert.ThrowsAsync<ModelNotServedException>(() => client.Corpora.AddTextsAsync("unserved", ["x"]));

        Assert.Contains("corpus 'unserved' holds embeddings of model 'elsewhere', which no silo serves", refused.Message);
        Assert.Null((await client.Corpora.GetInfoAsync("unserved")).Ingest);
    }

    [Fact]
    public async Task Embeddings_with_a_nan_are_refused_up_front_naming_the_row()
    {
        var rows = UnitRows.Random(6, 4, seed: 2);
        rows.Values[4 * 4 + 2] = float.NaN;

        var refused = Assert.Throws<ArgumentException>(() => new EmbeddingSource(rows, name: "bad.npy"));

        Assert.StartsWith("bad.npy: row 4 has a NaN or infinite value", refused.Message);
    }

    [Fact]
    public void A_text_larger_than_a_batch_may_be_is_refused_naming_it()
    {
        var refused = Assert.Throws<ArgumentException>(
            () => new TextSource(["short", new string('x', BatchCuts.MaxBatchBytes + 1)], name: "long.txt"));

        Assert.StartsWith($"long.txt: text 1 is {BatchCuts.MaxBatchBytes + 1} bytes; texts of more than {BatchCuts.MaxBatchBytes} bytes are not taken", refused.Message);
    }

    [Fact]
    public async Task A_shard_refuses_an_infinite_value_naming_the_corpus_row()
    {
        await using var client = Cluster.Sdk();
        await client.Corpora.CreateAsync("infinite", "external", shards: 1);
        var rows = UnitRows.Random(3, 4, seed: 3);
        rows.Values[2 * 4] = float.PositiveInfinity;

        var refused = await Assert.ThrowsAsync<CorpusMismatchException>(
            () => Cluster.Shard("infinite", 0).AppendAsync(new ShardAppend(Guid.NewGuid(), 0, 40, StoragePrecision.Float32, rows, null)));

        Assert.Equal("corpus 'infinite': row 42 has a NaN or infinite value; no score is defined for it", refused.Message);
        Assert.Equal(0, (await Cluster.Shard("infinite", 0).GetInfoAsync()).Rows);
    }

    [Fact]
    public async Task A_second_add_while_one_runs_is_refused_naming_the_running_one()
    {
        await using var client = Cluster.Sdk();
        await client.Corpora.CreateAsync("busy", "external");
        var corpus = Cluster.Corpus("busy");
        await corpus.BeginIngestAsync(new IngestPlan(IngestContent.Embeddings, 10, 1, 4, 1, DeviceClass.Cpu, Source: "first.npy"));

        var refused = await Assert.ThrowsAsync<CorpusBusyException>(
            () => corpus.BeginIngestAsync(new IngestPlan(IngestContent.Embeddings, 10, 1, 4, 1, DeviceClass.Cpu, Source: "second.npy")));

        Assert.Contains("corpus 'busy' has an add running (0 of 10 rows stored, from first.npy)", refused.Message);
    }

    [Fact]
    public async Task An_aborted_add_leaves_the_corpus_as_it_was_and_its_late_batches_are_ignored()
    {
        await using var client = Cluster.Sdk();
        await client.Corpora.CreateAsync("aborted", "external", shards: 2);
        var kept = UnitRows.Random(10, 4, seed: 4);
        await client.Corpora.AddEmbeddingsAsync("aborted", kept);
        var corpus = Cluster.Corpus("aborted");
        var ticket = await corpus.BeginIngestAsync(new IngestPlan(IngestContent.Embeddings, 20, 2, 4, 1, DeviceClass.Cpu));
        var early = new ShardAppend(ticket.Id, ticket.FirstSequence, ticket.FirstRow, StoragePrecision.Float32, UnitRows.Random(10, 4, seed: 5), null);
        Assert.True(await Cluster.Shard("aborted", ticket.ShardOf(ticket.FirstSequence)).AppendAsync(early));

        await corpus.AbortIngestAsync(ticket.Id);
        var late = early with { Sequence = ticket.FirstSequence + 1, FirstRow = ticket.FirstRow + 10 };
        var lateShard = Cluster.Shard("aborted", ticket.ShardOf(late.Sequence));

        Assert.False(await lateShard.AppendAsync(late));
        Assert.Equal(IngestStatus.Aborted, (await corpus.GetIngestProgressAsync(ticket.Id)).Status);
        Assert.Equal(kept.Values, (await client.Corpora.ExportAsync("aborted")).Values);
        Assert.Equal(10, (await client.Corpora.GetInfoAsync("aborted")).Shards.Sum(s => s.Rows));
        await client.Corpora.AddEmbeddingsAsync("aborted", UnitRows.Random(3, 4, seed: 6));
        Assert.Equal(13, (await client.Corpora.ExportAsync("aborted")).Rows);
    }

    [Fact]
    public async Task A_batch_the_silos_cannot_store_fails_the_add_which_is_aborted()
    {
        await using var client = Cluster.Sdk();
        await client.Corpora.CreateAsync("poisoned", "external", shards: 2);
        await client.Corpora.AddEmbeddingsAsync("poisoned", UnitRows.Random(4, 4, seed: 7));

        // A source that lies about its width gets past the corpus's check; the shard refuses the rows it really has.
        var failed = await Assert.ThrowsAsync<CorpusIngestException>(() => client.Corpora.AddAsync("poisoned", new LyingSource()));

        Assert.Equal("adding liar to corpus 'poisoned' failed: batch 0 of the add could not be stored: corpus 'poisoned' holds rows of 4 values; batch 1 has 5", failed.Message);
        var info = await client.Corpora.GetInfoAsync("poisoned");
        Assert.Equal((4L, 4L, null), (info.Rows, info.Shards.Sum(s => s.Rows), info.Ingest));
    }

    /// <summary>Says its rows have 4 values, then hands out rows of 5.</summary>
    private sealed class LyingSource : ICorpusSource
    {
        public string Name => "liar";

        public IngestContent Content => IngestContent.Embeddings;

        public int? Dimension => 4;

        public BatchCuts Cuts { get; } = BatchCuts.Fixed(3, 3, 16);

        public ValueTask<SourceBatch> ReadBatchAsync(int batch, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new SourceBatch(null, UnitRows.Random(3, 5, seed: 8)));
    }
}
