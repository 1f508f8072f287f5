using Similarity.Client;
using Similarity.Client.Corpora;
using Similarity.Grains.Contracts.Corpora.Ingest;
using Similarity.Grains.Encoders;
using Similarity.Silo.Tests.Doubles;
using Similarity.Silo.Tests.Schema;
using Similarity.Silo.Tests.Servers;
using Similarity.TestSupport;

namespace Similarity.Silo.Tests.Corpora;

/// <summary>
/// An add through a cluster of two real <c>simctl silo</c> processes on PostgreSQL (persistent ADO.NET streams, blocks in
/// corpus_block), one of them SIGKILLed mid-add: the add completes and every row is stored exactly once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CorpusSiloProcessTests(PostgresDatabases databases) : IAsyncLifetime
{
    private readonly string _clusterId = "corpus-" + Guid.NewGuid().ToString("N")[..10];
    private string _connection = null!;

    public async Task InitializeAsync() => _connection = await databases.CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_silo_sigkilled_mid_add_leaves_every_row_stored_exactly_once()
    {
        var model = ClusterTestModel.BiEncoder;
        await using var survivor = StartSilo("survivor", model.Folder);
        await using var doomed = StartSilo("doomed", model.Folder);
        await using var client = await ConnectWhenActiveAsync(2, survivor, doomed);
        await client.Corpora.CreateAsync("kept", "bert-mean", shards: 4);
        var texts = TestCorpus.Texts(5000).Select(t => string.Join(' ', Enumerable.Repeat(t, 8))).ToArray();
        long stored = 0;

        var add = client.Corpora.AddAsync(
            "kept",
            new TextSource(texts, batchSize: 125),
            new CorpusAddOptions { Lanes = 4, Window = 8, RepublishAfter = TimeSpan.FromSeconds(5) },
            new Progress<IngestProgress>(p => Interlocked.Exchange(ref stored, p.StoredRows)));
        await WaitUntilAsync(() => Task.FromResult(Interlocked.Read(ref stored) >= 600), survivor, doomed);
        doomed.Kill();
        Assert.False(add.IsCompleted, "the add finished before the silo was killed: the test needs a larger workload");
        var added = await add;

        Assert.Equal(5000, added.StoredRows);
        Reference.AssertClose(model.Encode(texts), (await client.Corpora.ExportAsync("kept")).ToEmbeddingMatrix());
        Assert.Equal(5000, (await client.Corpora.GetInfoAsync("kept")).Rows);
        Assert.Equal(
            [40L, 5000L, 40L],
            await Sql.ListAsync<long>(_connection, "SELECT unnest(ARRAY[count(*), sum(row_count), count(DISTINCT first_row)]) FROM corpus_block WHERE corpus = 'kept'"));
    }

    private SiloProcess StartSilo(string name, string folder) =>
        SiloProcess.Start($"{_clusterId}-{name}", doubles: false, "--cluster", _connection, "--cluster-id", _clusterId, "--model", $"{Path.GetFileName(folder)}={folder}");

    /// <summary>A client once <paramref name="count"/> silos are active; a silo that exits first fails the test with its log.</summary>
    private async Task<SimilarityClient> ConnectWhenActiveAsync(int count, params SiloProcess[] silos)
    {
        var options = new SimilarityClientOptions { Cluster = _connection, ClusterId = _clusterId, Timeout = TimeSpan.FromSeconds(60) };
        SimilarityClient? client = null;
        await WaitUntilAsync(
            async () =>
            {
                try
                {
                    client ??= await SimilarityClient.ConnectAsync(options);
                    return (await client.ListSilosAsync()).Count(s => s.IsActive) == count;
                }
                catch (ClusterUnavailableException)
                {
                    return false;
                }
            },
            silos);
        return client!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, params SiloProcess[] watched)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (!await condition())
        {
            if (watched.FirstOrDefault(s => s.HasExited) is { } exited)
            {
                throw new InvalidOperationException($"silo {exited.Name} exited early:\n{exited.Log}");
            }

            await Task.Delay(100, timeout.Token);
        }
    }
}
