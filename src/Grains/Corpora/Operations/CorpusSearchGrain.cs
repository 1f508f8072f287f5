using Orleans.Concurrency;
using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Contracts.Values;

namespace Similarity.Grains.Corpora.Operations;

/// <summary>
/// Scatters a search to every shard of the corpus (each scores its cached rows on its silo), then merges the shards'
/// top-k. Stateless: any silo runs it, as many at once as calls come; a shard lost with its silo is asked again.
/// </summary>
[StatelessWorker]
[Reentrant]
internal sealed class CorpusSearchGrain : Grain, ICorpusSearchGrain
{
    public Task<CorpusHit[][]> SearchAsync(FloatMatrix queries, int topK, ScoreFunction function) =>
        SearchRowsBelowAsync(queries, topK, function, long.MaxValue);

    public async Task<CorpusHit[][]> SearchRowsBelowAsync(FloatMatrix queries, int topK, ScoreFunction function, long endRow)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var name = this.GetPrimaryKeyString();
        if (topK < 1)
        {
            throw new InvalidRequestException($"top-k must be at least 1, got {topK} (corpus '{name}')", "top-k");
        }

        var info = await GrainFactory.GetGrain<ICorpusGrain>(name).GetInfoAsync();
        var end = Math.Min(Math.Max(0, endRow), info.Rows);
        if (end == 0 || queries.Rows == 0)
        {
            return [.. Enumerable.Range(0, queries.Rows).Select(_ => Array.Empty<CorpusHit>())];
        }

        if (info.Dimension is { } dimension && dimension != queries.Columns)
        {
            throw new InvalidRequestException(
                $"queries have {queries.Columns} values per row but corpus '{name}' holds rows of {dimension}", "queries");
        }

        var lists = await Task.WhenAll(info.Shards.Select(shard =>
        {
            var grain = GrainFactory.GetGrain<IShardScanGrain>(new ShardKey(name, shard.Index).ToString());
            return RetryPolicy.Default.RunAsync(_ => grain.SearchAsync(queries, topK, function, end), CancellationToken.None);
        }));
        return await Task.Run(() => HitMerge.Merge(queries.Rows, lists, topK));
    }
}
