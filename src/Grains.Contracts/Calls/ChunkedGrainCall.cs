using Similarity.Grains.Contracts.Values;

namespace Similarity.Grains.Contracts.Calls;

/// <summary>
/// One large call to a model's worker grains made of many requests: the items are cut into requests of at most
/// <paramref name="itemsPerRequest"/>, sent on consecutive lanes (<see cref="ModelKey.OnLane"/>, so they spread over the
/// worker activations serving the model), at most <paramref name="concurrentRequests"/> at a time, each retried by
/// <paramref name="retry"/> on silo loss, and their rows put back in input order. Clients (the SDK) and grains that call
/// models (evaluation tasks) share it. <paramref name="attemptScope"/>, when given, supplies a token per attempt that is
/// cancelled when the caller knows the attempt is lost (a client's gateway closed).
/// </summary>
public sealed class ChunkedGrainCall(int itemsPerRequest, int concurrentRequests, RetryPolicy retry, Func<CancellationToken>? attemptScope = null)
{
    /// <summary>Lanes a model's requests rotate over: a few per silo is enough to spread them; each lane is a grain id.</summary>
    public const int Lanes = 16;

    private int _nextLane;

    /// <summary>
    /// Runs <paramref name="send"/> (lane, items, token → rows) over <paramref name="items"/>. No items still sends one
    /// empty request, which tells the model's width.
    /// </summary>
    public async Task<FloatMatrix> RunAsync<TItem>(
        IReadOnlyList<TItem> items, string model, Func<int, TItem[], CancellationToken, Task<FloatMatrix>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(send);
        var perRequest = itemsPerRequest;
        var requests = Math.Max(1, (items.Count + perRequest - 1) / perRequest);
        var firstLane = Interlocked.Add(ref _nextLane, requests) - requests;
        if (requests == 1)
        {
            return await SendAsync(firstLane, [.. items], cancellationToken).ConfigureAwait(false);
        }

        var result = new MatrixAssembly(items.Count, model);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrentRequests, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, requests), parallel, async (request, token) =>
        {
            var start = request * perRequest;
            var count = Math.Min(perRequest, items.Count - start);
            var chunk = new TItem[count];
            for (var i = 0; i < count; i++)
            {
                chunk[i] = items[start + i];
            }

            result.Add(await SendAsync(firstLane + request, chunk, token).ConfigureAwait(false), start, count);
        }).ConfigureAwait(false);
        return result.Result;

        Task<FloatMatrix> SendAsync(int lane, TItem[] chunk, CancellationToken token) =>
            retry.RunAsync(attempt => send((int)((uint)lane % Lanes), chunk, attempt), token, attemptScope);
    }
}
