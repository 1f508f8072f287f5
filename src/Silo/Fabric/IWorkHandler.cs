using System.Buffers;

namespace Similarity.Silo.Fabric;

/// <summary>The silo side of a work queue: handles one request and writes one reply.</summary>
public interface IWorkHandler
{
    /// <summary>
    /// Handles <paramref name="item"/>, writing the reply (a result or a typed error) to <paramref name="reply"/>.
    /// Throwing instead returns the request to the queue for another attempt, on any silo, up to the delivery limit.
    /// </summary>
    ValueTask HandleAsync(WorkItem item, IBufferWriter<byte> reply, CancellationToken cancellationToken);
}
