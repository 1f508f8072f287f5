using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Contracts.Values;

namespace Similarity.Client.Corpora.Operations;

/// <summary>
/// Operations over a stored corpus that run on the silos next to its shards: top-k search, paraphrase mining and
/// community detection, with the results the in-process code gives on the same embeddings. Reached through
/// <see cref="SimilarityClient.CorpusOperations"/>; calls are retried on silo loss.
/// </summary>
public sealed class CorpusOperations
{
    private readonly IGrainFactory _grains;

    internal CorpusOperations(IGrainFactory grains) => _grains = grains;

    /// <summary>Each query's top <paramref name="topK"/> rows of corpus <paramref name="name"/>, best first (ties to the lower row id).</summary>
    public Task<CorpusHit[][]> SearchAsync(
        string name, FloatMatrix queries, int topK = 10, ScoreFunction function = ScoreFunction.Cosine, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var search = _grains.GetGrain<ICorpusSearchGrain>(CorpusNames.Validate(name));
        return RetryPolicy.Default.RunAsync(_ => search.SearchAsync(queries, topK, function), cancellationToken);
    }

    /// <summary>
    /// Paraphrase mining over corpus <paramref name="name"/> as a long operation on the silos: each row's top
    /// <paramref name="topK"/> rows give pairs, the best <paramref name="maxPairs"/> are returned, best first.
    /// </summary>
    public async Task<CorpusPair[]> MineAsync(
        string name, int topK = 100, int maxPairs = 500_000, ScoreFunction function = ScoreFunction.Cosine,
        IProgress<OperationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var operation = await RunAsync(OperationSpec.Mine(CorpusNames.Validate(name), topK, maxPairs, function), progress, cancellationToken);
        return await Retries.RunAsync(_ => operation.GetPairsAsync(), cancellationToken);
    }

    /// <summary>Community detection over corpus <paramref name="name"/> as a long operation on the silos: communities largest first.</summary>
    public async Task<CorpusCommunity[]> ClusterAsync(
        string name, double threshold = 0.75, int minSize = 10, IProgress<OperationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var operation = await RunAsync(OperationSpec.Cluster(CorpusNames.Validate(name), threshold, minSize), progress, cancellationToken);
        return await Retries.RunAsync(_ => operation.GetCommunitiesAsync(), cancellationToken);
    }

    /// <summary>Starts <paramref name="spec"/> as operation <paramref name="id"/> (again: no-op) and returns at once; it runs on after the client has gone.</summary>
    public Task<OperationProgress> StartAsync(string id, OperationSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Retries.RunAsync(_ => Operation(id).StartAsync(spec), cancellationToken);
    }

    /// <summary>Operation <paramref name="id"/>'s progress; asking resumes a run a lost silo dropped.</summary>
    public Task<OperationProgress> GetProgressAsync(string id, CancellationToken cancellationToken = default) =>
        Retries.RunAsync(_ => Operation(id).GetProgressAsync(), cancellationToken);

    /// <summary>Retries of an operation's calls: long enough for membership to move a killed silo's operation.</summary>
    private static RetryPolicy Retries { get; } = new(30, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2));

    /// <summary>How often a waiting client asks for progress.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private ICorpusOperationGrain Operation(string id) => _grains.GetGrain<ICorpusOperationGrain>(id);

    private async Task<ICorpusOperationGrain> RunAsync(OperationSpec spec, IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var now = await StartAsync(id, spec, cancellationToken);
        while (true)
        {
            progress?.Report(now);
            if (now.Status != OperationStatus.Running)
            {
                return Operation(id);
            }

            await Task.Delay(PollInterval, cancellationToken);
            now = await GetProgressAsync(id, cancellationToken);
        }
    }
}
