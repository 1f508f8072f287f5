using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Contracts.Evaluation.Jobs;
using Similarity.Grains.Evaluation.Jobs.Running;
using Similarity.Grains.Evaluation.Jobs.Scheduling;
using Similarity.Grains.Evaluation.Jobs.State;
using Similarity.Grains.Evaluation.Reports;
using Similarity.Grains.Lifecycle;

namespace Similarity.Grains.Evaluation.Jobs;

/// <summary>
/// An evaluation job (see <see cref="IEvaluationJobGrain"/>). While it runs, a timer of this activation follows its
/// tasks (<see cref="TaskSchedule"/> decides which); a reminder, and any call from a client, reactivates it on a live
/// silo when its own silo dies, and it picks up from its persisted record: done tasks stay done, the others are called
/// again and rerun if their silo died too. A user may cancel it (its tasks' data is dropped) or delete it; it lists
/// itself with the job registry while it has a record.
/// </summary>
internal sealed class EvaluationJobGrain(
    [PersistentState("evaluation-job")] IPersistentState<EvaluationJobRecord> record,
    IOptions<EvaluationJobOptions> options,
    ILogger<EvaluationJobGrain> logger) : Grain, IEvaluationJobGrain, IRemindable
{
    private readonly EvaluationJobOptions _options = Checked(options.Value);
    private TaskSchedule? _schedule;
    private IGrainTimer? _timer;

    private string Id => this.GetPrimaryKeyString();

    private ResumeReminder Resume => new(this, _options.ResumePeriod, logger);

    private bool IsRunning => record.RecordExists && record.State.State == EvaluationJobState.Running;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            Follow();
        }

        return Task.CompletedTask;
    }

    public async Task<EvaluationJobStatus> SubmitAsync(EvaluationJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        if (!record.RecordExists)
        {
            var share = SentenceSharing.Pays(request);
            await Task.WhenAll(request.Tasks.Select(task => PrepareAsync(request, task, share)));

            // Listed before its record exists: a job with a record is always listed (an id without one is skipped by listings).
            await RetryPolicy.Default.RunAsync(
                async _ =>
                {
                    await Registry.AddAsync(Id);
                    return true;
                },
                CancellationToken.None);
            record.State = EvaluationJobRecord.Submitted(request, DateTimeOffset.UtcNow);
            await record.WriteStateAsync();
            logger.LogInformation("Evaluation job {Job}: {Model} on {Suite} {Split}, {Tasks} tasks", Id, request.Model, request.Suite, request.Split, request.Tasks.Length);
        }
        else if (!record.State.Matches(request))
        {
            throw new InvalidRequestException($"evaluation job '{Id}' was submitted with other work; submit under a new id", "job");
        }

        if (IsRunning)
        {
            await Resume.KeepAsync();
            Follow();
        }

        return Status();
    }

    public Task<EvaluationJobStatus> GetStatusAsync(CancellationToken cancellationToken = default) => Task.FromResult(Status());

    public async Task<EvaluationJobReport> GetReportAsync(CancellationToken cancellationToken = default)
    {
        var job = Record();
        if (job.State != EvaluationJobState.Completed)
        {
            var status = Status();
            throw new InvalidRequestException(
                job.State switch
                {
                    EvaluationJobState.Failed => $"evaluation job '{Id}' failed: {job.Error}",
                    EvaluationJobState.Cancelled => $"evaluation job '{Id}' was cancelled ({status.TasksDone} of {status.Tasks} tasks had finished); it has no report",
                    _ => $"evaluation job '{Id}' is still running: {status.TasksDone} of {status.Tasks} tasks done",
                },
                "job");
        }

        var results = await Task.WhenAll(job.Tasks.Select(task =>
            RetryPolicy.Default.RunAsync(_ => TaskGrain(task.Name).GetResultAsync(), cancellationToken)));
        return EvaluationReport.Create(job.Model, job.Suite, job.Split, job.Averaging, results).ToJobReport();
    }

    public async Task<EvaluationJobStatus> CancelAsync()
    {
        Record();
        if (IsRunning)
        {
            await FinishAsync(EvaluationJobState.Cancelled, null);
            await DropTasksAsync();
        }

        return Status();
    }

    public async Task DeleteAsync()
    {
        var job = Record();
        _timer?.Dispose();
        _timer = null;
        await DropTasksAsync();
        await record.ClearStateAsync();
        await Resume.DropAsync();
        await RetryPolicy.Default.RunAsync(
            async _ =>
            {
                await Registry.RemoveAsync(Id);
                return true;
            },
            CancellationToken.None);
        DeactivateOnIdle();
        logger.LogInformation("Evaluation job {Job} ({Suite} {Split}) deleted", Id, job.Suite, job.Split);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (IsRunning)
        {
            Follow();
        }
        else
        {
            await Resume.DropAsync();
        }
    }

    private static EvaluationJobOptions Checked(EvaluationJobOptions options)
    {
        options.Validate();
        return options;
    }

    private IEvaluationJobRegistryGrain Registry => GrainFactory.GetGrain<IEvaluationJobRegistryGrain>(EvaluationJobIds.Registry);

    /// <summary>Removes every task's input and result; a task running now stops and never stores its result.</summary>
    private Task DropTasksAsync() => Task.WhenAll(record.State.Tasks.Select(task => RetryPolicy.Default.RunAsync(
        async _ =>
        {
            await TaskGrain(task.Name).DeleteAsync();
            return true;
        },
        CancellationToken.None)));

    private IEvaluationTaskGrain TaskGrain(string task) => GrainFactory.GetGrain<IEvaluationTaskGrain>(EvaluationJobIds.TaskKey(Id, task));

    private Task PrepareAsync(EvaluationJobRequest request, EvaluationTaskInput task, bool shareEmbeddings)
    {
        var work = new EvaluationTaskWork { Model = request.Model, Device = request.Device, Kind = request.Kind, Input = task, ShareEmbeddings = shareEmbeddings };
        return RetryPolicy.Default.RunAsync(
            async _ =>
            {
                await TaskGrain(task.Name).PrepareAsync(work);
                return true;
            },
            CancellationToken.None);
    }

    /// <summary>Starts following the tasks, once per activation.</summary>
    private void Follow()
    {
        _schedule ??= new TaskSchedule(record.State.Tasks, _options.MaxRunningTasks);
        _timer ??= this.RegisterGrainTimer(StepAsync, new GrainTimerCreationOptions(TimeSpan.Zero, _options.PollPeriod) { KeepAlive = true });
    }

    private async Task StepAsync(CancellationToken cancellationToken)
    {
        var schedule = _schedule!;
        var answers = await Task.WhenAll(schedule.Due().Select(async task => (Task: task, Status: await AskAsync(task))));
        var news = false;
        foreach (var (task, status) in answers)
        {
            if (status is not null)
            {
                news |= schedule.Observe(task, status);
            }
        }

        if (schedule.Failure is { } failure)
        {
            await FinishAsync(EvaluationJobState.Failed, failure);
        }
        else if (schedule.IsComplete)
        {
            await FinishAsync(EvaluationJobState.Completed, null);
        }
        else if (news)
        {
            RecordDoneTasks();
            await record.WriteStateAsync();
        }
    }

    /// <summary>The task's answer; null when it could not answer now (its silo is going), so the next step asks again.</summary>
    private async Task<EvaluationTaskStatus?> AskAsync(string task)
    {
        try
        {
            return await TaskGrain(task).RunAsync().WaitAsync(_options.TaskCallTimeout);
        }
        catch (Exception e) when (TransientFailure.IsTransient(e))
        {
            return null;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Evaluation job {Job}: task {Task} cannot run", Id, task);
            return new EvaluationTaskStatus(EvaluationTaskState.Failed, 0, 0, e.Message);
        }
    }

    private async Task FinishAsync(EvaluationJobState state, string? error)
    {
        _schedule ??= new TaskSchedule(record.State.Tasks, _options.MaxRunningTasks);
        RecordDoneTasks();
        record.State.State = state;
        record.State.Error = error;
        record.State.FinishedAt = DateTimeOffset.UtcNow;
        await record.WriteStateAsync();
        _timer?.Dispose();
        _timer = null;
        await Resume.DropAsync();

        logger.LogInformation("Evaluation job {Job} {State}{Error}", Id, state, error is null ? string.Empty : ": " + error);
    }

    private void RecordDoneTasks()
    {
        var done = _schedule!.DoneTasks.ToHashSet(StringComparer.Ordinal);
        foreach (var task in record.State.Tasks)
        {
            task.Done |= done.Contains(task.Name);
        }
    }

    private EvaluationJobRecord Record()
    {
        if (!record.RecordExists)
        {
            DeactivateOnIdle();
            throw new InvalidRequestException($"no evaluation job '{Id}' was submitted to this cluster", "job");
        }

        return record.State;
    }

    private EvaluationJobStatus Status()
    {
        var job = Record();
        var schedule = _schedule ?? new TaskSchedule(job.Tasks, _options.MaxRunningTasks);
        return new EvaluationJobStatus
        {
            Id = Id,
            Model = job.Model,
            Device = job.Device,
            Suite = job.Suite,
            Split = job.Split,
            State = job.State,
            Tasks = schedule.Count,
            TasksDone = schedule.TasksDone,
            Pairs = schedule.Pairs,
            PairsEncoded = schedule.PairsEncoded,
            Error = job.Error,
            SubmittedAt = job.SubmittedAt,
            FinishedAt = job.FinishedAt,
        };
    }
}
