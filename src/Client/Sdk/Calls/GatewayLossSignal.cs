namespace Similarity.Client.Calls;

/// <summary>
/// Tells in-flight calls that a gateway connection closed. Orleans' client keeps waiting for answers from a silo that
/// died until its response timeout (minutes for long requests); a closed gateway means every request sent through it is
/// lost, so each attempt runs under the current epoch's token, and losing a gateway cancels the epoch: those attempts
/// are retried at once through the remaining gateways. Attempts through healthy gateways are cancelled too (the client
/// cannot tell which gateway a request took); they are idempotent and simply run again.
/// </summary>
internal sealed class GatewayLossSignal
{
    private CancellationTokenSource _epoch = new();

    /// <summary>Cancelled when a gateway is lost after it was read.</summary>
    public CancellationToken Current => Volatile.Read(ref _epoch).Token;

    /// <summary>Losses seen so far.</summary>
    public int Losses { get; private set; }

    /// <summary>Orleans' gateway-count callback: fewer connected gateways than before means requests were lost.</summary>
    public void OnGatewayCountChanged(object? sender, GatewayCountChangedEventArgs change)
    {
        if (change.NumberOfConnectedGateways >= change.PreviousNumberOfConnectedGateways)
        {
            return;
        }

        Losses++;

        // The old source is not disposed: attempts may still link to its token; it holds no timer, so the GC frees it.
        var lost = Interlocked.Exchange(ref _epoch, new CancellationTokenSource());
        lost.Cancel();
    }
}
