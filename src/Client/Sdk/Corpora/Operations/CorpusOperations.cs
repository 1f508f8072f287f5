using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Contracts.Errors;
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
    /// <paramref name="topK"/> rows give pairs, the best <paramref name="maxPairs"/> are returned, best first. The
    /// operation is deleted once its result is read (or the call fails or is cancelled): nothing is left on the cluster.
    /// </summary>
    public Task<CorpusPair[]> MineAsync(
        string name, int topK = 100, int maxPairs = 500_000, ScoreFunction function = ScoreFunction.Cosine,
        IProgress<OperationProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(OperationSpec.Mine(CorpusNames.Validate(name), topK, maxPairs, function), operation => operation.GetPairsAsync(), progress, cancellationToken);

    /// <summary>
    /// Community detection over corpus <paramref name="name"/> as a long operation on the silos: communities largest
    /// first. The operation is deleted once its result is read (or the call fails or is cancelled).
    /// </summary>
    public Task<CorpusCommunity[]> ClusterAsync(
        string name, double threshold = 0.75, int minSize = 10, IProgress<OperationProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(OperationSpec.Cluster(CorpusNames.Validate(name), threshold, minSize), operation => operation.GetCommunitiesAsync(), progress, cancellationToken);

    /// <summary>
    /// Starts <paramref name="spec"/> as operation <paramref name="id"/> (again: no-op) and returns at once; it runs on after
    /// the client has gone, and its record (with the result) stays until <see cref="DeleteAsync"/>.
    /// </summary>
    public Task<OperationProgress> StartAsync(string id, OperationSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Retries.RunAsync(_ => Operation(id).StartAsync(spec), cancellationToken);
    }

    /// <summary>
    /// Operation <paramref name="id"/>'s progress; asking resumes a run a lost silo dropped. An id with no record is an
    /// <see cref="OperationNotFoundException"/> naming it.
    /// </summary>
    public Task<OperationProgress> GetProgressAsync(string id, CancellationToken cancellationToken = default) =>
        Retries.RunAsync(_ => Operation(id).GetProgressAsync(), cancellationToken);

    /// <summary>
    /// The operations over corpus <paramref name="name"/> whose records exist (detached ones, and blocking ones still
    /// running or whose client died), oldest first; <see cref="Grains.Contracts.Corpora.Errors.CorpusNotFoundException"/> if there is no such corpus.
    /// </summary>
    public async Task<OperationProgress[]> ListAsync(string name, CancellationToken cancellationToken = default)
    {
        var corpus = _grains.GetGrain<ICorpusGrain>(CorpusNames.Validate(name));
        var ids = await RetryPolicy.Default.RunAsync(_ => corpus.GetOperationsAsync(), cancellationToken);
        var found = await Task.WhenAll(ids.Select(async id =>
        {
            try
            {
                return await GetProgressAsync(id, cancellationToken);
            }
            catch (OperationNotFoundException)
            {
                // Listed as it starts, before its record is written, or deleted while its corpus's list was read.
                return null;
            }
        }));
        return [.. found.OfType<OperationProgress>().Where(p => p.Corpus == name).OrderBy(p => p.StartedAt).ThenBy(p => p.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Deletes operation <paramref name="id"/>: a running one is cancelled (its tiles' results are ignored), its record and
    /// result are removed, and its corpus no longer lists it. An id with no record is an <see cref="OperationNotFoundException"/> naming it.
    /// </summary>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!await TryDeleteAsync(id, cancellationToken))
        {
            throw new OperationNotFoundException($"there is no operation '{id}'", "id");
        }
    }

    /// <summary>Retries of an operation's calls: long enough for membership to move a killed silo's operation.</summary>
    private static RetryPolicy Retries { get; } = new(30, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2));

    /// <summary>Scores per block of a score matrix (16 M floats, 64 MB): bounds the memory of a streamed matrix.</summary>
    private const int ScoreBlockValues = 16 << 20;

    /// <summary>How often a waiting client asks for progress.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private ICorpusOperationGrain Operation(string id) => _grains.GetGrain<ICorpusOperationGrain>(id);

    /// <summary>Deletes operation <paramref name="id"/> if it has a record (see <see cref="DeleteAsync"/>); false when it has none.</summary>
    private async Task<bool> TryDeleteAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var corpus = await Retries.RunAsync(_ => Operation(id).DeleteAsync(), cancellationToken);
        if (corpus is null)
        {
            return false;
        }

        var grain = _grains.GetGrain<ICorpusGrain>(corpus);
        await Retries.RunAsync(
            async _ =>
            {
                await grain.ForgetOperationAsync(id);
                return true;
            },
            cancellationToken);
        return true;
    }

    /// <summary>Runs <paramref name="spec"/> as a new operation, waits for it, reads its result, and deletes it whatever happened.</summary>
    private async Task<T> RunAsync<T>(
        OperationSpec spec, Func<ICorpusOperationGrain, Task<T>> result, IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        try
        {
            var now = await StartAsync(id, spec, cancellationToken);
            while (true)
            {
                progress?.Report(now);
                if (now.Status != OperationStatus.Running)
                {
                    return await Retries.RunAsync(_ => result(Operation(id)), cancellationToken);
                }

                await Task.Delay(PollInterval, cancellationToken);
                now = await GetProgressAsync(id, cancellationToken);
            }
        }
        finally
        {
            await ForgetAsync(id);
        }
    }

    /// <summary>
    /// Deletes a blocking call's operation, also when the call was cancelled. The call's own result or error is what its
    /// caller needs: a failed delete is not thrown over it, and the record it leaves shows in <see cref="ListAsync"/>.
    /// </summary>
    private async Task ForgetAsync(string id)
    {
        try
        {
            await TryDeleteAsync(id, CancellationToken.None);
        }
        catch (Exception e) when (e is GrainException or OrleansException or TimeoutException)
        {
            // Left for `simctl corpus operations` to show and `operation-delete` to remove.
        }
    }
}
