using Similarity.Grains.Contracts;

namespace Similarity.Silo.Fabric;

/// <summary>A caller waiting for one reply; the fabric completes it from whatever thread the reply arrives on.</summary>
internal interface IPendingReply
{
    bool IsCompleted { get; }

    /// <summary>Decodes <paramref name="reply"/> now (its bytes may be reused afterwards) and completes the call.</summary>
    void Complete(ReadOnlySpan<byte> reply);

    void Fail(Exception error);
}

/// <summary>The typed pending call: the decoder runs on the reply bytes, its result or exception completes the caller.</summary>
internal sealed class PendingReply<T>(ReplyDecoder<T> decoder) : IPendingReply
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsCompleted => _completion.Task.IsCompleted;

    /// <summary>
    /// The reply, or past <paramref name="deadline"/> a deadline error naming <paramref name="target"/> and the call's
    /// <paramref name="timeout"/>. A caller that gives up (deadline or cancellation) fails the call, so a reply arriving
    /// later is dropped, not decoded (and an in-memory worker that has not started on it skips it).
    /// </summary>
    public async Task<T> WaitAsync(WorkerKey target, DateTimeOffset deadline, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await _completion.Task.WaitAsync(Deadline.Remaining(deadline), cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var error = FabricErrors.DeadlineExceeded(target, timeout);
            Fail(error);
            throw error;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Fail(new OperationCanceledException(cancellationToken));
            throw;
        }
    }

    public void Complete(ReadOnlySpan<byte> reply)
    {
        if (IsCompleted)
        {
            return;
        }

        T result;
        try
        {
            result = decoder(reply);
        }
        catch (Exception e)
        {
            _completion.TrySetException(e);
            return;
        }

        _completion.TrySetResult(result);
    }

    public void Fail(Exception error) => _completion.TrySetException(error);
}
