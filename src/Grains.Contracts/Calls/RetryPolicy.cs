namespace Similarity.Grains.Contracts.Calls;

/// <summary>
/// Bounded retries with exponential back-off for idempotent grain calls that fail transiently (<see cref="TransientFailure"/>):
/// a killed silo's calls fail, membership declares it dead within seconds, and the retry reaches a live silo.
/// </summary>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    /// <summary>Eight attempts, 0.1 s doubling to at most 2 s between them: about 10 s of retrying in all.</summary>
    public static RetryPolicy Default { get; } = new(8, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));

    /// <summary>
    /// Runs <paramref name="call"/> until it succeeds, fails for good, or the attempts are used up (the last error is
    /// thrown). <paramref name="attemptScope"/>, when given, supplies a token per attempt that the caller's side cancels
    /// when it knows the attempt is lost (a gateway closed): such an attempt is retried like a transient failure.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken, Func<CancellationToken>? attemptScope = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            var lost = attemptScope?.Invoke() ?? CancellationToken.None;
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lost);
            try
            {
                return await call(linked.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < MaxAttempts && !cancellationToken.IsCancellationRequested
                && (TransientFailure.IsTransient(e) || (e is OperationCanceledException && lost.IsCancellationRequested)))
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }
}
