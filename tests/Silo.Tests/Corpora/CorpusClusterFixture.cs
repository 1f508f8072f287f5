namespace Similarity.Silo.Tests.Corpora;

/// <summary>One two-silo corpus cluster shared by the tests of a class; each test uses corpora of its own names.</summary>
public sealed class CorpusClusterFixture : IAsyncLifetime
{
    private CorpusCluster? _cluster;

    public CorpusCluster Cluster => _cluster ?? throw new InvalidOperationException("cluster not started");

    public async Task InitializeAsync() => _cluster = await CorpusCluster.StartAsync();

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
