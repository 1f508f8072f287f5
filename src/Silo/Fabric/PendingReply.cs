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

    public Task<T> Task => _completion.Task;

    public bool IsCompleted => _completion.Task.IsCompleted;

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
