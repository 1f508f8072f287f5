using Microsoft.Extensions.Logging;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Errors;
using Similarity.Grains.Contracts.Corpora.Ingest;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Corpora.Storage;

namespace Similarity.Grains.Corpora;

/// <summary>
/// A named corpus: its spec and row count in Orleans grain state, its rows in its shards. It admits one add at a time,
/// numbering the add's rows after those already stored, and counts them once its shards hold every one: progress is
/// the sum of the rows each shard holds of the add, so a batch stored twice (re-delivered, re-published) counts once.
/// It lists the ids of its operations, so they can be listed, and deleted with it.
/// </summary>
internal sealed class CorpusGrain(
    [PersistentState("corpus")] IPersistentState<CorpusState> state,
    ICorpusBlockStore store,
    ILogger<CorpusGrain> logger) : Grain, ICorpusGrain
{
    private string Name => this.GetPrimaryKeyString();

    private CorpusState State => state.State;

    public async Task<CorpusInfo> CreateAsync(CorpusSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        CorpusNames.Validate(Name);
        if (!ModelNames.IsValid(spec.Model))
        {
            throw new InvalidRequestException($"corpus '{Name}': '{spec.Model}' is not a model name", "model");
        }

        if (spec.Shards is < 1 or > CorpusSpec.MaxShards)
        {
            throw new InvalidRequestException($"corpus '{Name}': shards must be 1 to {CorpusSpec.MaxShards}, not {spec.Shards}", "shards");
        }

        if (spec.Dimension is <= 0)
        {
            throw new InvalidRequestException($"corpus '{Name}': the dimension must be positive, not {spec.Dimension}", "dimension");
        }

        if (State.Spec is not null)
        {
            throw new CorpusExistsException($"corpus '{Name}' already exists (model {State.Spec.Model}, {State.Rows} rows); delete it first", "corpus");
        }

        state.State = new CorpusState { Spec = spec, Dimension = spec.Dimension, CreatedAt = DateTimeOffset.UtcNow };
        await state.WriteStateAsync();
        logger.LogInformation("Created corpus {Corpus}: model {Model}, {Shards} shards, {Precision}", Name, spec.Model, spec.Shards, spec.Precision.Name());
        return await GetInfoAsync();
    }

    public async Task<CorpusInfo> GetInfoAsync()
    {
        var spec = Require();
        var progress = State.Ingest is { } running ? await RefreshAsync(running) : null;
        var shards = await Task.WhenAll(Shards(spec).Select(s => s.GetInfoAsync()));
        return new CorpusInfo(Name, spec.Model, State.Dimension, spec.Precision, State.Rows, shards, progress, State.CreatedAt);
    }

    public async Task DeleteAsync()
    {
        var spec = Require();

        // Operations first: a running one stops calling the shards before they go. They never call back while deleting.
        await Task.WhenAll(State.Operations.Select(id => GrainFactory.GetGrain<ICorpusOperationGrain>(id).DeleteAsync()));
        if (State.Ingest is { } running)
        {
            await Task.WhenAll(Shards(spec).Select(s => s.DiscardIngestAsync(running.Id)));
        }

        await Task.WhenAll(Shards(spec).Select(s => s.DeleteAsync()));
        await state.ClearStateAsync();
        state.State = new CorpusState();
        logger.LogInformation("Deleted corpus {Corpus}", Name);
    }

    public async Task<CorpusInfo> BeginOperationAsync(string operation)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        Require();
        if (!State.Operations.Contains(operation, StringComparer.Ordinal))
        {
            State.Operations.Add(operation);
            await state.WriteStateAsync();
        }

        return await GetInfoAsync();
    }

    public async Task ForgetOperationAsync(string operation)
    {
        if (State.Spec is not null && State.Operations.Remove(operation))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<string[]> GetOperationsAsync()
    {
        Require();
        return Task.FromResult(State.Operations.ToArray());
    }

    public async Task<IngestTicket> BeginIngestAsync(IngestPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var spec = Require();
        if (State.Ingest is { } running)
        {
            var progress = await RefreshAsync(running);
            if (progress.Status == IngestStatus.Failed)
            {
                await AbortAsync(running, spec);
            }
            else if (progress.Status == IngestStatus.Running)
            {
                throw new CorpusBusyException(
                    $"corpus '{Name}' has an add running ({progress.StoredRows} of {progress.ExpectedRows} rows stored"
                    + (running.Plan.Source is { } source ? $", from {source}" : "") + "); wait for it, or abort it with `simctl corpus abort`", "corpus");
            }
        }

        CheckPlan(plan, spec);
        var setDimension = State.Dimension is null;
        State.Dimension ??= plan.Dimension;
        var ingest = new RunningIngest { Id = Guid.NewGuid(), Plan = plan, FirstRow = State.Rows, FirstSequence = State.Batches, SetDimension = setDimension };
        State.Ingest = ingest;
        await state.WriteStateAsync();
        return new IngestTicket(ingest.Id, Name, spec.Model, plan.Device, spec.Precision, spec.Shards, plan.Lanes, ingest.FirstRow, ingest.FirstSequence, plan.Dimension);
    }

    public async Task<IngestProgress> GetIngestProgressAsync(Guid ingest)
    {
        Require();
        if (State.LastIngest is { } last && last.Id == ingest)
        {
            return last;
        }

        return await RefreshAsync(Running(ingest));
    }

    public async Task<long[]> GetStoredSequencesAsync(Guid ingest)
    {
        var spec = Require();
        var running = Running(ingest);
        var perShard = await Task.WhenAll(Shards(spec).Select(s => s.GetIngestSequencesAsync(running.Id)));
        return perShard.SelectMany(s => s).Order().ToArray();
    }

    public async Task ReportIngestFailureAsync(Guid ingest, long sequence, string reason)
    {
        if (State.Ingest is { } running && running.Id == ingest && running.Failure is null)
        {
            running.Failure = $"batch {sequence - running.FirstSequence} of the add could not be stored: {reason}";
            await state.WriteStateAsync();
            logger.LogWarning("Add {Ingest} to corpus {Corpus} failed: {Failure}", ingest, Name, running.Failure);
        }
    }

    public async Task AbortIngestAsync(Guid ingest)
    {
        var spec = Require();
        if (State.Ingest is { } running && running.Id == ingest)
        {
            await AbortAsync(running, spec);
        }
    }

    public async Task<string?[]> GetTextsAsync(long[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Require();
        foreach (var row in rows)
        {
            if (row < 0 || row >= State.Rows)
            {
                throw new InvalidRequestException($"corpus '{Name}' has rows 0 to {State.Rows - 1}; there is no row {row}", "rows");
            }
        }

        try
        {
            return await store.ReadTextsAsync(Name, rows, CancellationToken.None);
        }
        catch (Exception e) when (e is not (OperationCanceledException or GrainException))
        {
            logger.LogError(e, "Could not read texts of corpus {Corpus}", Name);
            throw new CorpusStorageException($"could not read texts of corpus '{Name}': {e.Message}", "corpus");
        }
    }

    private CorpusSpec Require() =>
        State.Spec ?? throw new CorpusNotFoundException($"corpus '{Name}' does not exist", "corpus");

    private RunningIngest Running(Guid ingest) =>
        State.Ingest is { } running && running.Id == ingest
            ? running
            : throw new InvalidRequestException($"corpus '{Name}' has no running add {ingest}", "ingest");

    private void CheckPlan(IngestPlan plan, CorpusSpec spec)
    {
        var source = plan.Source ?? "the rows added";
        if (plan.Model is { } model && model != spec.Model)
        {
            throw new CorpusMismatchException($"corpus '{Name}' holds embeddings of model '{spec.Model}', not '{model}' ({source})", "model");
        }

        if (plan.Rows < 1 || plan.Batches < 1 || plan.Batches > plan.Rows)
        {
            throw new InvalidRequestException($"an add to corpus '{Name}' needs at least one row, in 1 to {plan.Rows} batches ({source})", "rows");
        }

        if (plan.Lanes is < 1 or > IngestPlan.MaxLanes)
        {
            throw new InvalidRequestException($"an add uses 1 to {IngestPlan.MaxLanes} lanes, not {plan.Lanes}", "lanes");
        }

        if (plan.Dimension < 1)
        {
            throw new InvalidRequestException($"rows need at least one value ({source})", "dimension");
        }

        if (State.Dimension is { } dimension && dimension != plan.Dimension)
        {
            throw new CorpusMismatchException(
                plan.Content == IngestContent.Texts
                    ? $"corpus '{Name}' holds rows of {dimension} values, but model '{spec.Model}' now encodes {plan.Dimension}"
                    : $"corpus '{Name}' holds rows of {dimension} values; {source} has {plan.Dimension} per row",
                "dimension");
        }
    }

    /// <summary>The add's progress; completes it (the corpus counts its rows) once every row is stored.</summary>
    private async Task<IngestProgress> RefreshAsync(RunningIngest running)
    {
        var spec = Require();
        var counts = await Task.WhenAll(Shards(spec).Select(s => s.CountIngestRowsAsync(running.Id)));
        var stored = counts.Sum();
        var plan = running.Plan;
        if (running.Failure is { } failure)
        {
            return new IngestProgress(running.Id, stored, plan.Rows, IngestStatus.Failed, failure, plan.Source);
        }

        if (stored < plan.Rows)
        {
            return new IngestProgress(running.Id, stored, plan.Rows, IngestStatus.Running, null, plan.Source);
        }

        var completed = new IngestProgress(running.Id, stored, plan.Rows, IngestStatus.Completed, null, plan.Source);
        State.Rows += plan.Rows;
        State.Batches += plan.Batches;
        State.Ingest = null;
        State.LastIngest = completed;
        await state.WriteStateAsync();
        logger.LogInformation("Add {Ingest} to corpus {Corpus} completed: {Rows} rows", running.Id, Name, plan.Rows);
        return completed;
    }

    private async Task AbortAsync(RunningIngest running, CorpusSpec spec)
    {
        await Task.WhenAll(Shards(spec).Select(s => s.DiscardIngestAsync(running.Id)));
        if (running.SetDimension && State.Rows == 0)
        {
            State.Dimension = spec.Dimension;
        }

        State.Ingest = null;
        State.LastIngest = new IngestProgress(running.Id, 0, running.Plan.Rows, IngestStatus.Aborted, running.Failure, running.Plan.Source);
        await state.WriteStateAsync();
        logger.LogInformation("Add {Ingest} to corpus {Corpus} aborted", running.Id, Name);
    }

    private IEnumerable<IShardGrain> Shards(CorpusSpec spec) =>
        Enumerable.Range(0, spec.Shards).Select(i => GrainFactory.GetGrain<IShardGrain>(new ShardKey(Name, i).ToString()));
}
