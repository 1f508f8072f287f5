using System.Buffers;

namespace Similarity.Silo.Fabric.InMemory;

/// <summary>A queued request: a pooled copy of its bytes, the caller waiting for it, and its delivery history.</summary>
internal sealed class InMemoryDelivery
{
    private byte[]? _body;
    private readonly int _length;

    public InMemoryDelivery(ReadOnlySpan<byte> request, IPendingReply reply, DateTimeOffset deadline, CancellationToken callerGone)
    {
        _body = ArrayPool<byte>.Shared.Rent(request.Length);
        request.CopyTo(_body);
        _length = request.Length;
        Reply = reply;
        SentAt = DateTimeOffset.UtcNow;
        Deadline = deadline;
        CallerGone = callerGone;
    }

    public IPendingReply Reply { get; }

    public DateTimeOffset SentAt { get; }

    public DateTimeOffset Deadline { get; }

    public CancellationToken CallerGone { get; }

    /// <summary>Deliveries so far, counting the one in progress.</summary>
    public int DeliveryCount { get; set; }

    public ReadOnlyMemory<byte> Body => _body is { } body ? body.AsMemory(0, _length) : throw new ObjectDisposedException(nameof(InMemoryDelivery));

    /// <summary>Returns the bytes to the pool once the delivery is settled for good (replied, expired, dead-lettered).</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _body, null) is { } body)
        {
            ArrayPool<byte>.Shared.Return(body);
        }
    }
}
