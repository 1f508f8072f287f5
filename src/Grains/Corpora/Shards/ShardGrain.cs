using System.Numerics.Tensors;
using Microsoft.Extensions.Logging;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Errors;
using Similarity.Grains.Contracts.Corpora.Ingest;
using Similarity.Grains.Contracts.Corpora.Rows;
using Similarity.Grains.Corpora.Placement;
using Similarity.Grains.Corpora.Rows;
using Similarity.Grains.Corpora.Storage;
using Similarity.Grains.Kernels;

namespace Similarity.Grains.Corpora.Shards;

/// <summary>
/// A shard of a corpus: loads its blocks from the block store when it activates (on any silo: after a silo dies, its
/// shards activate elsewhere from storage), stores each appended block before it caches it, and answers reads from
/// the cached <see cref="ShardRows"/>. Scoring methods belong here, reading <see cref="Rows"/>. Shards stay active for
/// hours when idle: reloading a large shard from storage takes seconds.
/// </summary>
[ShardSpreadPlacement]
[CollectionAgeLimit(Minutes = 180)]
internal sealed partial class ShardGrain(
    ICorpusBlockStore store,
    KernelThreads kernels,
    [PersistentState("shard")] IPersistentState<ShardState> state,
    ILogger<ShardGrain> logger) : Grain, IShardGrain
{
    private ShardKey _key;

    /// <summary>The rows this shard caches: an immutable snapshot, replaced on every append.</summary>
    internal ShardRows Rows { get; private set; } = ShardRows.Empty;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = ShardKey.Parse(this.GetPrimaryKeyString());
        var blocks = await StorageAsync("load the blocks of", () => store.ReadShardAsync(_key.Corpus, _key.Index, cancellationToken));
        Rows = ShardRows.Of(blocks);
    }

    public async Task<bool> AppendAsync(ShardAppend append)
    {
        ArgumentNullException.ThrowIfNull(append);
        if (IsDiscarded(append.Ingest) || Rows.Contains(append.FirstRow))
        {
            return false;
        }

        Check(append);
        var block = RowBlock.Of(append.FirstRow, append.Ingest, append.Sequence, append.Rows.Columns, append.Rows.Values, append.Precision);
        var stored = await StorageAsync("store a block in", () => store.AppendAsync(_key.Corpus, _key.Index, new StoredBlock(block, append.Texts), CancellationToken.None));
        Rows = Rows.Add(block);
        return stored;
    }

    public Task<bool> NeedsAsync(Guid ingest, long firstRow) => Task.FromResult(!IsDiscarded(ingest) && !Rows.Contains(firstRow));

    public Task<ShardInfo> GetInfoAsync()
    {
        var rows = Rows;
        return Task.FromResult(new ShardInfo(_key.Index, rows.Count, rows.Blocks.Length, rows.CachedBytes, RuntimeIdentity));
    }

    public Task<long> CountIngestRowsAsync(Guid ingest)
    {
        long count = 0;
        foreach (var block in Rows.Blocks)
        {
            if (block.Ingest == ingest)
            {
                count += block.Count;
            }
        }

        return Task.FromResult(count);
    }

    public Task<long[]> GetIngestSequencesAsync(Guid ingest) =>
        Task.FromResult(Rows.Blocks.Where(b => b.Ingest == ingest).Select(b => b.Sequence).ToArray());

    public Task<CorpusRows> ReadRowsAsync(long fromRow, int maxRows)
    {
        if (maxRows < 0)
        {
            throw new Contracts.Errors.InvalidRequestException($"maxRows must not be negative, got {maxRows}", "maxRows");
        }

        return Task.FromResult(Rows.Read(fromRow, maxRows));
    }

    public async Task DiscardIngestAsync(Guid ingest)
    {
        if (!IsDiscarded(ingest))
        {
            // Recorded first: once the marker is stored, no later batch of the add is stored, even by a new activation.
            state.State.Discarded.Add(ingest);
            await StorageAsync("record an aborted add of", async () =>
            {
                await state.WriteStateAsync();
                return true;
            });
        }

        await StorageAsync("remove an aborted add's blocks from", async () =>
        {
            await store.DiscardIngestAsync(_key.Corpus, _key.Index, ingest, CancellationToken.None);
            return true;
        });
        Rows = Rows.Without(ingest);
    }

    public async Task DeleteAsync()
    {
        await StorageAsync("delete", async () =>
        {
            await store.DeleteShardAsync(_key.Corpus, _key.Index, CancellationToken.None);
            if (state.State.Discarded.Count == 0)
            {
                await state.ClearStateAsync();
            }

            // Otherwise the markers stay: batches of an aborted add may still be on the ingest streams, and must not be
            // stored after the delete (a corpus made again under the name has adds of other ids).
            return true;
        });
        Rows = ShardRows.Empty;
        DeactivateOnIdle();
    }

    private bool IsDiscarded(Guid ingest) => state.State.Discarded.Contains(ingest);

    /// <summary>Rows that do not fit the shard are refused, naming the corpus and the row; nothing is stored then.</summary>
    private void Check(ShardAppend append)
    {
        var rows = append.Rows;
        if (rows.Rows == 0 || rows.Columns == 0)
        {
            throw new CorpusMismatchException($"corpus '{_key.Corpus}': batch {append.Sequence} has no rows", "rows");
        }

        if (append.Texts is { } texts && texts.Length != rows.Rows)
        {
            throw new CorpusMismatchException($"corpus '{_key.Corpus}': batch {append.Sequence} has {rows.Rows} rows but {texts.Length} texts", "texts");
        }

        if (Rows.Dimension is { } dimension && dimension != rows.Columns)
        {
            throw new CorpusMismatchException(
                $"corpus '{_key.Corpus}' holds rows of {dimension} values; batch {append.Sequence} has {rows.Columns}", "dimension");
        }

        if (Rows.Precision is { } precision && precision != append.Precision)
        {
            throw new CorpusMismatchException($"corpus '{_key.Corpus}' stores {precision.Name()} rows, not {append.Precision.Name()}", "precision");
        }

        if (!TensorPrimitives.IsFiniteAll(rows.Values))
        {
            for (var row = 0; row < rows.Rows; row++)
            {
                if (!TensorPrimitives.IsFiniteAll(rows.Row(row)))
                {
                    throw new CorpusMismatchException(
                        $"corpus '{_key.Corpus}': row {append.FirstRow + row} has a NaN or infinite value; no score is defined for it", "rows");
                }
            }
        }
    }

    /// <summary>Runs a storage step; a failure becomes a <see cref="CorpusStorageException"/> naming the shard (the cause is logged here).</summary>
    private async Task<T> StorageAsync<T>(string what, Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (Exception e) when (e is not (OperationCanceledException or Contracts.Errors.GrainException))
        {
            logger.LogError(e, "Could not {What} shard {Shard}", what, _key);
            throw new CorpusStorageException($"could not {what} shard {_key.Index} of corpus '{_key.Corpus}': {e.Message}", "corpus");
        }
    }
}
