using Microsoft.Extensions.Logging;

namespace Similarity.Grains.Lifecycle;

/// <summary>
/// The Orleans reminder that brings a grain running long work (an evaluation job, a corpus operation) back on a live silo
/// when its own silo dies while nobody calls it: kept while the work runs, dropped once it has ended. The grain implements
/// <see cref="IRemindable"/> and, on a tick, resumes its work if its persisted record says it runs, else drops the reminder.
/// </summary>
internal sealed class ResumeReminder(Grain grain, TimeSpan period, ILogger logger)
{
    /// <summary>The reminder's name, one per grain.</summary>
    public const string Name = "resume";

    /// <summary>Registers the reminder (again: only its period is updated).</summary>
    public Task KeepAsync() => grain.RegisterOrUpdateReminder(Name, period, period);

    /// <summary>Unregisters the reminder if it is registered.</summary>
    public async Task DropAsync()
    {
        if (await grain.GetReminder(Name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }

    /// <summary>
    /// <see cref="DropAsync"/> for work that has ended, where a failure only costs a tick that drops it later: logged, not
    /// thrown, so the end of the work (already stored) is not reported as a failure.
    /// </summary>
    public async Task TryDropAsync()
    {
        try
        {
            await DropAsync();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not drop the resume reminder of {Grain}; its next tick drops it", grain.GetGrainId());
        }
    }
}
