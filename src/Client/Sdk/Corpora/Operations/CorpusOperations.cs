using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Contracts.Values;

namespace Similarity.Client.Corpora.Operations;

/// <summary>
/// Operations over stored corpora that run on the silos next to their shards: top-k search and pairwise scores (of
/// queries or of another corpus's rows), paraphrase mining and community detection, with the results the in-process code
/// gives on the same embeddings. Reached through <see cref="SimilarityClient.CorpusOperations"/>; calls are retried on silo loss.
/// </summary>
public sealed class CorpusOperations
{
    /// <summary>Scores per block of a streamed score matrix (16 M floats, 64 MB).</summary>
    internal const int DefaultScoreBlockValues = 16 << 20;

    /// <summary>Values of the rows searched per call (8 MB): bounds the client's and the shards' memory per block.</summary>
    internal const int DefaultSearchBlockValues = 2 << 20;

    private readonly IGrainFactory _grains;
    private readonly int _scoreBlockValues;
    private readonly int _searchBlockValues;

    /// <summary>Block sizes other than the defaults let tests stream small corpora in many blocks.</summary>
    internal CorpusOperations(IGrainFactory grains, int scoreBlockValues = DefaultScoreBlockValues, int searchBlockValues = DefaultSearchBlockValues)
    {
        _grains = grains;
        _scoreBlockValues = scoreBlockValues;
        _searchBlockValues = searchBlockValues;
    }

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
        var scatter = new ScoreScatter(_grains, await RetryPolicy.Default.RunAsync(_ => corpus.GetInfoAsync(), cancellationToken), _scoreBlockValues);
        var block = scatter.BlockRows(queries.Columns);
        for (var start = 0; start < queries.Rows; start += block)
        {
            var count = Math.Min(block, queries.Rows - start);
            var part = new FloatMatrix(count, queries.Columns, queries.Values.AsSpan(start * queries.Columns, count * queries.Columns).ToArray());
            await rows(await scatter.ScoreAsync(part, function, cancellationToken), cancellationToken);
        }

        return scatter.Columns;
    }

    /// <summary>
    /// The pairwise score matrix of every row of corpus <paramref name="name"/> against every row of corpus
    /// <paramref name="against"/> (the same corpus, or another of the same width and model), as <see cref="ScoreAsync"/>
    /// gives it for <paramref name="name"/>'s rows as queries: blocks of its rows, in row id order, each
    /// <c>[block, against rows]</c>. Rows are read page by page, never all at once; returns the columns.
    /// </summary>
    public async Task<long> ScoreAgainstAsync(
        string name, string against, ScoreFunction function, Func<FloatMatrix, CancellationToken, ValueTask> rows,
        bool allowModelMismatch = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var comparison = await CorpusComparison.OpenAsync(_grains, name, against, allowModelMismatch, cancellationToken);
        var scatter = new ScoreScatter(_grains, comparison.Against, _scoreBlockValues);
        await ForEachBlockAsync(
            comparison.Corpus,
            scatter.BlockRows,
            async (block, _, token) => await rows(await scatter.ScoreAsync(block, function, token), token),
            cancellationToken);
        return scatter.Columns;
    }

    /// <summary>
    /// Each row of corpus <paramref name="name"/>'s top <paramref name="topK"/> rows of corpus <paramref name="against"/>
    /// (the same corpus, or another of the same width and model), best first (ties to the lower row id), as
    /// <see cref="SearchAsync"/> gives them for its rows as queries: handed to <paramref name="hits"/> a block at a time
    /// with the id of the block's first row (list i is row first + i). Rows are read page by page, never all at once.
    /// </summary>
    public async Task SearchAgainstAsync(
        string name, string against, Func<long, CorpusHit[][], CancellationToken, ValueTask> hits, int topK = 10,
        ScoreFunction function = ScoreFunction.Cosine, bool allowModelMismatch = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hits);
        var comparison = await CorpusComparison.OpenAsync(_grains, name, against, allowModelMismatch, cancellationToken);
        if (topK < 1)
        {
            throw new InvalidRequestException($"top-k must be at least 1, got {topK} (corpus '{against}')", "top-k");
        }

        var search = _grains.GetGrain<ICorpusSearchGrain>(against);
        var end = comparison.Against.Rows;
        await ForEachBlockAsync(
            comparison.Corpus,
            width => Math.Max(1, _searchBlockValues / Math.Max(1, width)),
            async (block, first, token) =>
                await hits(first, await RetryPolicy.Default.RunAsync(_ => search.SearchRowsBelowAsync(block, topK, function, end), token), token),
            cancellationToken);
    }

    /// <summary>As the streamed <see cref="SearchAgainstAsync(string, string, Func{long, CorpusHit[][], CancellationToken, ValueTask}, int, ScoreFunction, bool, CancellationToken)"/>, every row's hits at once (list i is row i).</summary>
    public async Task<CorpusHit[][]> SearchAgainstAsync(
        string name, string against, int topK = 10, ScoreFunction function = ScoreFunction.Cosine, bool allowModelMismatch = false,
        CancellationToken cancellationToken = default)
    {
        var all = new List<CorpusHit[]>();
        await SearchAgainstAsync(
            name,
            against,
            (_, block, _) =>
            {
                all.AddRange(block);
                return ValueTask.CompletedTask;
            },
            topK,
            function,
            allowModelMismatch,
            cancellationToken);
        return [.. all];
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

    /// <summary>How often a waiting client asks for progress.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private ICorpusOperationGrain Operation(string id) => _grains.GetGrain<ICorpusOperationGrain>(id);

    /// <summary>Reads <paramref name="corpus"/>'s rows page by page, in row id order, and hands them to <paramref name="block"/> in blocks of the size its width gives.</summary>
    private async Task ForEachBlockAsync(
        CorpusInfo corpus, Func<int, int> blockRows, Func<FloatMatrix, long, CancellationToken, ValueTask> block, CancellationToken cancellationToken)
    {
        if (corpus.Rows == 0 || corpus.Dimension is not { } width)
        {
            return;
        }

        var blocks = new RowBlocks(width, blockRows(width), block);
        await CorpusExport.RunAsync(_grains, corpus, blocks.AddAsync, cancellationToken);
        await blocks.FlushAsync(cancellationToken);
    }

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
