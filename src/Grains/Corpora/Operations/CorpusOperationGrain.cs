using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Lifecycle;

namespace Similarity.Grains.Corpora.Operations;

/// <summary>
/// Runs a long operation: its tiles go to the shards (each on its own silo, kernels off the scheduler), a few at a time,
/// each retried while its shard moves to a live silo; their lists are merged off the scheduler and the result stored in
/// grain state. While it runs, a <see cref="ResumeReminder"/> brings a run lost with this activation's silo back on a
/// live one, whether or not anyone calls. Deleting it cancels a run: every wait of the run ends at once and nothing more is stored.
/// </summary>
[CollectionAgeLimit(Minutes = 180)]
internal sealed class CorpusOperationGrain(
    [PersistentState("operation")] IPersistentState<OperationState> state,
    IOptions<CorpusOperationOptions> options,
    ILogger<CorpusOperationGrain> logger) : Grain, ICorpusOperationGrain, IRemindable
{
    /// <summary>Retries of a tile: long enough for membership to declare a killed silo dead and its shard to move.</summary>
    private static readonly RetryPolicy TileRetries = new(30, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2));

    private readonly TimeSpan _resumePeriod = Checked(options.Value).ResumePeriod;
    private Task? _run;
    private CancellationTokenSource? _cancel;
    private int _tilesDone;
    private int _tilesTotal;

    private string Id => this.GetPrimaryKeyString();

    private bool IsRunning => state.State is { Spec: not null, Status: OperationStatus.Running };

    private ResumeReminder Resume => new(this, _resumePeriod, logger);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Run();
        return Task.CompletedTask;
    }

    public async Task<OperationProgress> StartAsync(OperationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (state.State.Spec is { } started)
        {
            return started == spec
                ? Progress()
                : throw new InvalidRequestException($"operation '{Id}' already runs another request (on corpus '{started.Corpus}')", "id");
        }

        Validate(spec);
        var info = await GrainFactory.GetGrain<ICorpusGrain>(spec.Corpus).BeginOperationAsync(Id);
        if (info.Rows > int.MaxValue)
        {
            throw new InvalidRequestException($"corpus '{spec.Corpus}' has {info.Rows} rows; operations handle at most {int.MaxValue}", "corpus");
        }

        state.State = new OperationState
        {
            Spec = spec, EndRow = info.Rows, Shards = info.Shards.Length, Status = OperationStatus.Running, StartedAt = DateTimeOffset.UtcNow,
        };
        await state.WriteStateAsync();
        Run();
        return Progress();
    }

    public Task<OperationProgress> GetProgressAsync() => Task.FromResult(Progress());

    public Task<CorpusPair[]> GetPairsAsync() => Task.FromResult(Result(OperationKind.Mine).Pairs!);

    public Task<CorpusCommunity[]> GetCommunitiesAsync() => Task.FromResult(Result(OperationKind.Cluster).Communities!);

    public async Task<string?> DeleteAsync()
    {
        var corpus = state.State.Spec?.Corpus;
        if (_run is { } run)
        {
            await _cancel!.CancelAsync();
            try
            {
                await run;
            }
            catch (Exception e)
            {
                // Only its last write can fail after a cancel; the record is cleared below either way.
                logger.LogWarning(e, "Operation {Operation} ended with an error as it was deleted", Id);
            }

            _run = null;
        }

        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        state.State = new OperationState();
        await Resume.DropAsync();
        DeactivateOnIdle();
        if (corpus is not null)
        {
            logger.LogInformation("Operation {Operation} on corpus {Corpus} deleted", Id, corpus);
        }

        return corpus;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (IsRunning)
        {
            Run();
            return Task.CompletedTask;
        }

        return Resume.DropAsync();
    }

    private static CorpusOperationOptions Checked(CorpusOperationOptions options)
    {
        options.Validate();
        return options;
    }

    /// <summary>Starts the stored run in this activation unless it has ended or already runs here.</summary>
    private void Run()
    {
        if (IsRunning && _run is null)
        {
            _cancel = new CancellationTokenSource();
            _run = RunAsync(_cancel.Token);
        }
    }

    private OperationProgress Progress()
    {
        var current = state.State;
        if (current.Spec is not { } spec)
        {
            DeactivateOnIdle();
            throw new OperationNotFoundException($"there is no operation '{Id}'", "id");
        }

        var total = current.Status == OperationStatus.Running ? _tilesTotal : TilePlan.For(current.Shards).Length;
        var done = current.Status == OperationStatus.Completed ? total : _tilesDone;
        return new OperationProgress(Id, current.Status, done, total, RuntimeIdentity, current.Error)
        {
            Kind = spec.Kind,
            Corpus = spec.Corpus,
            StartedAt = current.StartedAt,
        };
    }

    private OperationState Result(OperationKind kind)
    {
        var current = state.State;
        return current switch
        {
            { Spec: null } => throw new OperationNotFoundException($"there is no operation '{Id}'", "id"),
            { Status: OperationStatus.Failed } => throw new OperationFailedException($"operation '{Id}' on corpus '{current.Spec.Corpus}' failed: {current.Error}", "id"),
            { Status: OperationStatus.Running } => throw new OperationFailedException($"operation '{Id}' on corpus '{current.Spec.Corpus}' is still running", "id"),
            _ when current.Spec.Kind != kind => throw new OperationFailedException($"operation '{Id}' is a {current.Spec.Kind} operation, not {kind}", "id"),
            _ => current,
        };
    }

    private async Task RunAsync(CancellationToken cancel)
    {
        DelayDeactivation(TimeSpan.FromDays(1));
        var current = state.State;
        var spec = current.Spec!;
        var tiles = TilePlan.For(current.Shards);
        _tilesTotal = tiles.Length;
        _tilesDone = 0;
        try
        {
            await Resume.KeepAsync();
        }
        catch (Exception e)
        {
            // The run goes on: without the reminder only a call resumes it after a silo loss, as before reminders.
            logger.LogWarning(e, "Operation {Operation} runs without its resume reminder", Id);
        }

        var merge = TileMerge.For(spec, (int)current.EndRow);
        try
        {
            // A few tiles at a time: each runs on all the cores of its silo; more would only hold more rows in memory.
            using var gate = new SemaphoreSlim(Math.Max(2, current.Shards / 2));
            await Task.WhenAll(tiles.Select(async tile =>
            {
                await gate.WaitAsync(cancel);
                try
                {
                    var lists = await RunTileAsync(spec, current.EndRow, tile.Runner, tile.Other, cancel);
                    await Task.Run(
                        () =>
                        {
                            lock (merge)
                            {
                                merge.Add(lists);
                            }
                        },
                        cancel);
                    _tilesDone++;
                }
                finally
                {
                    gate.Release();
                }
            }));
            // A corpus deleted under the run left its shards empty: that is a failure, not an empty result.
            var info = await GrainFactory.GetGrain<ICorpusGrain>(spec.Corpus).GetInfoAsync().WaitAsync(cancel);
            if (info.Shards.Length != current.Shards || info.Rows < current.EndRow)
            {
                throw new InvalidOperationException($"corpus '{spec.Corpus}' changed under the operation: it no longer holds the rows it started on");
            }

            await Task.Run(() => merge.Complete(current), cancel);
            cancel.ThrowIfCancellationRequested();
            current.Status = OperationStatus.Completed;
        }
        catch (Exception) when (cancel.IsCancellationRequested)
        {
            // Deleted: the record goes, so nothing of the run (nor a tile failing as its shards go) is stored.
            return;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Operation {Operation} on corpus {Corpus} failed", Id, spec.Corpus);
            current.Status = OperationStatus.Failed;
            current.Error = e.Message;
        }

        await state.WriteStateAsync();
        await Resume.TryDropAsync();
    }

    /// <summary>The tile's lists; <paramref name="cancel"/> stops waiting for them (the shard finishes the tile, unread).</summary>
    private Task<TileNeighbours> RunTileAsync(OperationSpec spec, long endRow, int runner, int other, CancellationToken cancel)
    {
        var shard = GrainFactory.GetGrain<IShardScanGrain>(new ShardKey(spec.Corpus, runner).ToString());
        var job = new TileJob(other, spec.Kind == OperationKind.Mine ? TileKind.TopK : TileKind.Threshold, spec.TopK, spec.Function, spec.Threshold, endRow);
        return TileRetries.RunAsync(_ => shard.ScanTileAsync(job), cancel).WaitAsync(cancel);
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
