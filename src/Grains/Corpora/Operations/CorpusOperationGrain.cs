using Microsoft.Extensions.Logging;
using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Contracts.Errors;

namespace Similarity.Grains.Corpora.Operations;

/// <summary>
/// Runs a long operation: its tiles go to the shards (each on its own silo, kernels off the scheduler), a few at a time,
/// each retried while its shard moves to a live silo; their lists are merged off the scheduler and the result stored in
/// grain state. A run lost with this activation's silo starts again when the operation is next called.
/// </summary>
[CollectionAgeLimit(Minutes = 180)]
internal sealed class CorpusOperationGrain(
    [PersistentState("operation")] IPersistentState<OperationState> state,
    ILogger<CorpusOperationGrain> logger) : Grain, ICorpusOperationGrain
{
    /// <summary>Retries of a tile: long enough for membership to declare a killed silo dead and its shard to move.</summary>
    private static readonly RetryPolicy TileRetries = new(30, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2));

    private Task? _run;
    private int _tilesDone;
    private int _tilesTotal;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State is { Spec: not null, Status: OperationStatus.Running })
        {
            _run = RunAsync();
        }

        return Task.CompletedTask;
    }

    public async Task<OperationProgress> StartAsync(OperationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (state.State.Spec is { } started)
        {
            return started == spec
                ? Progress()
                : throw new InvalidRequestException($"operation '{this.GetPrimaryKeyString()}' already runs another request (on corpus '{started.Corpus}')", "id");
        }

        Validate(spec);
        var info = await GrainFactory.GetGrain<ICorpusGrain>(spec.Corpus).GetInfoAsync();
        if (info.Rows > int.MaxValue)
        {
            throw new InvalidRequestException($"corpus '{spec.Corpus}' has {info.Rows} rows; operations handle at most {int.MaxValue}", "corpus");
        }

        state.State = new OperationState { Spec = spec, EndRow = info.Rows, Shards = info.Shards.Length, Status = OperationStatus.Running };
        await state.WriteStateAsync();
        _run = RunAsync();
        return Progress();
    }

    public Task<OperationProgress> GetProgressAsync() => Task.FromResult(Progress());

    public Task<CorpusPair[]> GetPairsAsync() => Task.FromResult(Result(OperationKind.Mine).Pairs!);

    public Task<CorpusCommunity[]> GetCommunitiesAsync() => Task.FromResult(Result(OperationKind.Cluster).Communities!);

    private OperationProgress Progress()
    {
        var current = state.State;
        var total = current.Status == OperationStatus.Running ? _tilesTotal : TilePlan.For(current.Shards).Length;
        var done = current.Status == OperationStatus.Completed ? total : _tilesDone;
        return new OperationProgress(this.GetPrimaryKeyString(), current.Status, done, total, RuntimeIdentity, current.Error);
    }

    private OperationState Result(OperationKind kind)
    {
        var current = state.State;
        var id = this.GetPrimaryKeyString();
        return current switch
        {
            { Spec: null } => throw new OperationFailedException($"there is no operation '{id}'", "id"),
            { Status: OperationStatus.Failed } => throw new OperationFailedException($"operation '{id}' on corpus '{current.Spec.Corpus}' failed: {current.Error}", "id"),
            { Status: OperationStatus.Running } => throw new OperationFailedException($"operation '{id}' on corpus '{current.Spec.Corpus}' is still running", "id"),
            _ when current.Spec.Kind != kind => throw new OperationFailedException($"operation '{id}' is a {current.Spec.Kind} operation, not {kind}", "id"),
            _ => current,
        };
    }

    private async Task RunAsync()
    {
        DelayDeactivation(TimeSpan.FromDays(1));
        var current = state.State;
        var spec = current.Spec!;
        var tiles = TilePlan.For(current.Shards);
        _tilesTotal = tiles.Length;
        _tilesDone = 0;
        var merge = TileMerge.For(spec, (int)current.EndRow);
        try
        {
            // A few tiles at a time: each runs on all the cores of its silo; more would only hold more rows in memory.
            using var gate = new SemaphoreSlim(Math.Max(2, current.Shards / 2));
            await Task.WhenAll(tiles.Select(async tile =>
            {
                await gate.WaitAsync();
                try
                {
                    var lists = await RunTileAsync(spec, current.EndRow, tile.Runner, tile.Other);
                    await Task.Run(() =>
                    {
                        lock (merge)
                        {
                            merge.Add(lists);
                        }
                    });
                    _tilesDone++;
                }
                finally
                {
                    gate.Release();
                }
            }));
            // A corpus deleted under the run left its shards empty: that is a failure, not an empty result.
            var info = await GrainFactory.GetGrain<ICorpusGrain>(spec.Corpus).GetInfoAsync();
            if (info.Shards.Length != current.Shards || info.Rows < current.EndRow)
            {
                throw new InvalidOperationException($"corpus '{spec.Corpus}' changed under the operation: it no longer holds the rows it started on");
            }

            await Task.Run(() => merge.Complete(current));
            current.Status = OperationStatus.Completed;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Operation {Operation} on corpus {Corpus} failed", this.GetPrimaryKeyString(), spec.Corpus);
            current.Status = OperationStatus.Failed;
            current.Error = e.Message;
        }

        await state.WriteStateAsync();
    }

    private Task<TileNeighbours> RunTileAsync(OperationSpec spec, long endRow, int runner, int other)
    {
        var shard = GrainFactory.GetGrain<IShardScanGrain>(new ShardKey(spec.Corpus, runner).ToString());
        var job = new TileJob(other, spec.Kind == OperationKind.Mine ? TileKind.TopK : TileKind.Threshold, spec.TopK, spec.Function, spec.Threshold, endRow);
        return TileRetries.RunAsync(_ => shard.ScanTileAsync(job), CancellationToken.None);
    }

    private static void Validate(OperationSpec spec)
    {
        CorpusNames.Validate(spec.Corpus);
        if (spec.TopK < 1 || spec.MaxPairs < 1 || spec.MinSize < 1)
        {
            throw new InvalidRequestException(
                $"corpus '{spec.Corpus}': top-k ({spec.TopK}), max pairs ({spec.MaxPairs}) and min size ({spec.MinSize}) must be at least 1", "operation");
        }

        if (!double.IsFinite(spec.Threshold))
        {
            throw new InvalidRequestException($"corpus '{spec.Corpus}': the threshold must be a finite number, got {spec.Threshold}", "threshold");
        }
    }
}
