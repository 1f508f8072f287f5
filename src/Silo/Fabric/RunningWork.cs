namespace Similarity.Silo.Fabric;

/// <summary>
/// The requests a subscription is handling right now, so that stopping can wait for them for up to a drain time and
/// then abort the rest: their handlers see <see cref="Aborted"/> and hand the work back to the queue.
/// </summary>
internal sealed class RunningWork
{
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _running = [];
    private readonly CancellationTokenSource _abort = new();

    /// <summary>Cancelled when a drain runs out of time.</summary>
    public CancellationToken Aborted => _abort.Token;

    /// <summary>Requests being handled right now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _running.Count;
            }
        }
    }

    /// <summary>Holds <paramref name="task"/> until it finishes, however it finishes.</summary>
    public void Track(Task task)
    {
        lock (_gate)
        {
            _running.Add(task);
        }

        _ = task.ContinueWith(
            static (finished, state) =>
            {
                var self = (RunningWork)state!;
                lock (self._gate)
                {
                    self._running.Remove(finished);
                }
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Waits for the tracked work; past <paramref name="drainTime"/>, aborts it and waits for it to give up.</summary>
    public async Task DrainAsync(TimeSpan drainTime)
    {
        Task drained;
        lock (_gate)
        {
            drained = Task.WhenAll(_running);
        }

        if (await Task.WhenAny(drained, Task.Delay(drainTime)).ConfigureAwait(false) != drained)
        {
            await _abort.CancelAsync().ConfigureAwait(false);
            await drained.ConfigureAwait(false);
        }
    }
}
