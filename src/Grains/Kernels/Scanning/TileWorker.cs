namespace Similarity.Grains.Kernels.Scanning;

/// <summary>
/// What one thread does with the tiles of a work item (a panel of query rows × a shard of corpus rows):
/// sees each query row's scores against one block of corpus rows at a time, in ascending corpus order,
/// then finishes the item.
/// </summary>
internal abstract class TileWorker
{
    /// <summary>The current panel: its first query row and its row count.</summary>
    public (int Start, int Count) Panel { get; private set; }

    /// <summary>Starts a work item; <see cref="BeginBlock"/> lets the worker reset its per-row state.</summary>
    public void Begin(int queryStart, int queryCount, int shard, int corpusStart, int corpusEnd)
    {
        Panel = (queryStart, queryCount);
        BeginBlock(queryStart, queryCount, shard, corpusStart, corpusEnd);
    }

    /// <summary>
    /// Query rows <c>[queryStart, queryStart + queryCount)</c> (at most a panel) against corpus shard <paramref name="shard"/>,
    /// rows <c>[corpusStart, corpusEnd)</c>, begin.
    /// </summary>
    protected abstract void BeginBlock(int queryStart, int queryCount, int shard, int corpusStart, int corpusEnd);

    /// <summary>
    /// Float32 kernel scores of query <c>queryStart + row</c> against corpus rows
    /// <c>[corpusStart, corpusStart + scores.Length)</c>; the worker may overwrite them.
    /// </summary>
    public abstract void Consume(int row, int corpusStart, Span<float> scores);

    /// <summary>Every corpus row of the shard has been seen for the current query block.</summary>
    public abstract void EndBlock();
}
