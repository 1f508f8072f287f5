namespace Similarity.Grains.Corpora.Operations;

/// <summary>How long corpus operations resume after a silo loss; the default suits any cluster.</summary>
public sealed class CorpusOperationOptions
{
    /// <summary>
    /// The period of the reminder that reactivates a running operation whose silo died while nobody was asking about it;
    /// it must not be shorter than Orleans' <c>ReminderOptions.MinimumReminderPeriod</c> (a minute by default).
    /// </summary>
    public TimeSpan ResumePeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the setting out of range.</summary>
    public void Validate() => ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ResumePeriod, TimeSpan.Zero, nameof(ResumePeriod));
}
