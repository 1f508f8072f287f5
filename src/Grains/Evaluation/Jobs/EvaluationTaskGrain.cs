using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Contracts.Evaluation.Jobs;
using Similarity.Grains.Contracts.Evaluation.Results;
using Similarity.Grains.Evaluation.Jobs.Running;
using Similarity.Grains.Evaluation.Jobs.State;

namespace Similarity.Grains.Evaluation.Jobs;

/// <summary>
/// One task of an evaluation job (see <see cref="IEvaluationTaskGrain"/>). Its input and its result are two persisted
/// rows (the input is cleared once the result is stored); the run itself lives only in this activation, off the Orleans
/// scheduler: a silo lost mid-run leaves the input without a result, so the job's next call runs the task again
/// wherever the grain is activated then. Deleting it stops a run, whose result is then never stored.
/// </summary>
internal sealed class EvaluationTaskGrain(
    [PersistentState("evaluation-task-input")] IPersistentState<EvaluationTaskInputState> input,
    [PersistentState("evaluation-task-result")] IPersistentState<EvaluationTaskResultState> result,
    IOptions<EvaluationJobOptions> options,
    ILogger<EvaluationTaskGrain> logger) : Grain, IEvaluationTaskGrain
{
    private readonly TaskProgress _progress = new();
    private Task? _run;
    private CancellationTokenSource? _cancel;
    private string? _failure;

    public async Task PrepareAsync(EvaluationTaskWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (result.RecordExists)
        {
            return;
        }

        if (input.State.Work is { } stored)
        {
            if (stored.Model != work.Model || stored.Input.Name != work.Input.Name || stored.Input.PairCount != work.Input.PairCount)
            {
                throw new InvalidRequestException($"evaluation task '{this.GetPrimaryKeyString()}' already holds other input", "job");
            }

            return;
        }

        input.State.Work = work;
        await input.WriteStateAsync();
    }

    public Task<EvaluationTaskStatus> RunAsync()
    {
        if (result.RecordExists)
        {
            return Task.FromResult(new EvaluationTaskStatus(EvaluationTaskState.Done, 0, 0));
        }

        if (_failure is not null)
        {
            return Task.FromResult(new EvaluationTaskStatus(EvaluationTaskState.Failed, 0, 0, _failure));
        }

        var work = input.State.Work ?? throw new InvalidRequestException($"evaluation task '{this.GetPrimaryKeyString()}' has no input", "job");
        if (_run is null)
        {
            _cancel = new CancellationTokenSource();
            _run = RunWorkAsync(work, _cancel.Token);
        }

        var progress = _progress.Latest;
        return Task.FromResult(new EvaluationTaskStatus(EvaluationTaskState.Running, progress.Completed, progress.Total));
    }

    public Task<TaskResult> GetResultAsync() => result.RecordExists
        ? Task.FromResult(result.State.ToResult())
        : throw new InvalidRequestException($"evaluation task '{this.GetPrimaryKeyString()}' has no result yet", "job");

    public async Task DeleteAsync()
    {
        if (_run is { } run)
        {
            await _cancel!.CancelAsync();
            await run;
            _run = null;
        }

        if (input.RecordExists)
        {
            await input.ClearStateAsync();
        }

        if (result.RecordExists)
        {
            await result.ClearStateAsync();
        }

        DeactivateOnIdle();
    }

    private async Task RunWorkAsync(EvaluationTaskWork work, CancellationToken cancel)
    {
        var grains = GrainFactory;
        var job = EvaluationJobIds.ParseTaskKey(this.GetPrimaryKeyString()).Job;
        var settings = options.Value;
        TaskResult outcome;
        try
        {
            // The encoder calls and the metrics run on the thread pool: no grain turn waits on them.
            outcome = await Task.Run(() => TaskRun.RunAsync(grains, job, work, settings, _progress, cancel), cancel).WaitAsync(cancel);
        }
        catch (Exception) when (cancel.IsCancellationRequested)
        {
            // Deleted (its job was cancelled or deleted): nothing of the run is stored.
            return;
        }
        catch (Exception e) when (TransientFailure.IsTransient(e))
        {
            // The model's silos stayed away longer than the retries last: the job's next call runs the task again.
            Interrupted(e);
            return;
        }
        catch (Exception e)
        {
            // The model is not served, or cannot evaluate this kind of task: running again would fail the same way.
            _failure = e.Message;
            logger.LogWarning(e, "Evaluation task {Task} failed", this.GetPrimaryKeyString());
            return;
        }

        if (cancel.IsCancellationRequested)
        {
            return;
        }

        try
        {
            result.State = EvaluationTaskResultState.Of(outcome);
            await result.WriteStateAsync();
        }
        catch (Exception e)
        {
            Interrupted(e);
            return;
        }

        try
        {
            // A done task never runs again: its pairs need not stay in storage.
            await input.ClearStateAsync();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Evaluation task {Task} is done but its input could not be cleared", this.GetPrimaryKeyString());
        }
    }

    private void Interrupted(Exception error)
    {
        logger.LogWarning(error, "Evaluation task {Task} was interrupted; it runs again when its job asks", this.GetPrimaryKeyString());
        _run = null;
    }
}
