namespace Similarity.Grains.Kernels.Scanning;

/// <summary>
/// What one thread does with the tiles of a work item (a block of query rows × a shard of corpus rows):
/// sees each query row's scores against one block of corpus rows at a time, in ascending corpus order,
/// then finishes the item.
/// </summary>
internal abstract class TileWorker
{
    /// <summary>
    /// Query rows <c>[queryStart, queryStart + queryCount)</c> against corpus shard <paramref name="shard"/>,
    /// rows <c>[corpusStart, corpusEnd)</c>, begin.
    /// </summary>
    public abstract void BeginBlock(int queryStart, int queryCount, int shard, int corpusStart, int corpusEnd);

    /// <summary>
    /// Float32 kernel scores of query <c>queryStart + row</c> against corpus rows
    /// <c>[corpusStart, corpusStart + scores.Length)</c>; the worker may overwrite them.
    /// </summary>
    public abstract void Consume(int row, int corpusStart, Span<float> scores);

    /// <summary>Every corpus row of the shard has been seen for the current query block.</summary>
    public abstract void EndBlock();
}
