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
    /// The pairwise score matrix of <paramref name="queries"/> against every row of corpus <paramref name="name"/>
    /// (float32, as the in-process all-pairs kernel computes it), handed to <paramref name="rows"/> a block of query rows
    /// at a time, each <c>[block, corpus rows]</c> with columns in row id order; returns the corpus rows (columns).
    /// </summary>
    public async Task<long> ScoreAsync(
        string name, FloatMatrix queries, ScoreFunction function, Func<FloatMatrix, CancellationToken, ValueTask> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(rows);
        var corpus = _grains.GetGrain<ICorpusGrain>(CorpusNames.Validate(name));
        var info = await RetryPolicy.Default.RunAsync(_ => corpus.GetInfoAsync(), cancellationToken);
        var columns = checked((int)info.Rows);
        var block = Math.Max(1, ScoreBlockValues / Math.Max(1, columns));
        for (var start = 0; start < queries.Rows; start += block)
        {
            var count = Math.Min(block, queries.Rows - start);
            var part = new FloatMatrix(count, queries.Columns, queries.Values.AsSpan(start * queries.Columns, count * queries.Columns).ToArray());
            var shards = await Task.WhenAll(info.Shards.Select(shard =>
            {
                var grain = _grains.GetGrain<IShardScanGrain>(new ShardKey(name, shard.Index).ToString());
                return RetryPolicy.Default.RunAsync(_ => grain.ScoreAsync(part, function, info.Rows), cancellationToken);
            }));
            var values = new float[count * columns];
            foreach (var shard in shards)
            {
                for (var q = 0; q < count; q++)
                {
                    var scores = shard.Scores.Row(q);
                    for (var j = 0; j < shard.Ids.Length; j++)
                    {
                        values[q * columns + shard.Ids[j]] = scores[j];
                    }
                }
            }

            await rows(new FloatMatrix(count, columns, values), cancellationToken);
        }

        return columns;
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

    /// <summary>Scores per block of a score matrix (16 M floats, 64 MB): bounds the memory of a streamed matrix.</summary>
    private const int ScoreBlockValues = 16 << 20;

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
