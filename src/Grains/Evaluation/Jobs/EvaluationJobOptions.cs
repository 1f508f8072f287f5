namespace Similarity.Grains.Evaluation.Jobs;

/// <summary>How evaluation jobs pace their tasks and resume after a silo loss; the defaults suit any cluster size.</summary>
public sealed class EvaluationJobOptions
{
    /// <summary>Tasks of one job running at once: enough to keep every silo's batchers fed, few enough to keep memory bounded.</summary>
    public int MaxRunningTasks { get; set; } = 8;

    /// <summary>How often a running job asks its running tasks how far they are (and restarts those whose silo died).</summary>
    public TimeSpan PollPeriod { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long one such question may take before the task counts as unreachable until the next poll.</summary>
    public TimeSpan TaskCallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The period of the reminder that reactivates a running job whose silo died while nobody was asking about it; it
    /// must not be shorter than Orleans' <c>ReminderOptions.MinimumReminderPeriod</c> (a minute by default).
    /// </summary>
    public TimeSpan ResumePeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Texts (or pairs) per request a task sends to the model's workers.</summary>
    public int ItemsPerRequest { get; set; } = 64;

    /// <summary>Requests of one model call a task keeps in flight.</summary>
    public int ConcurrentRequests { get; set; } = 8;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRunningTasks, 1, nameof(MaxRunningTasks));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PollPeriod, TimeSpan.Zero, nameof(PollPeriod));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TaskCallTimeout, TimeSpan.Zero, nameof(TaskCallTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ResumePeriod, TimeSpan.Zero, nameof(ResumePeriod));
        ArgumentOutOfRangeException.ThrowIfLessThan(ItemsPerRequest, 1, nameof(ItemsPerRequest));
        ArgumentOutOfRangeException.ThrowIfLessThan(ConcurrentRequests, 1, nameof(ConcurrentRequests));
    }
}
