using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Values;

namespace Similarity.Client.Calls;

/// <summary>
/// One large call made of many requests: the items are cut into requests of at most
/// <see cref="SimilarityClientOptions.MaxTextsPerRequest"/>, sent on consecutive lanes (so they spread over every silo
/// serving the model), at most <see cref="SimilarityClientOptions.MaxConcurrentRequests"/> at a time, each retried on
/// silo loss, and their rows put back in input order.
/// </summary>
internal sealed class ChunkedGrainCall(SimilarityClientOptions options, RetryPolicy retry, GatewayLossSignal? gatewayLoss)
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
        var perRequest = options.MaxTextsPerRequest;
        var requests = Math.Max(1, (items.Count + perRequest - 1) / perRequest);
        var firstLane = Interlocked.Add(ref _nextLane, requests) - requests;
        if (requests == 1)
        {
            return await SendAsync(firstLane, [.. items], cancellationToken).ConfigureAwait(false);
        }

        var result = new MatrixAssembly(items.Count, model);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentRequests, CancellationToken = cancellationToken };
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
            retry.RunAsync(attempt => send((int)((uint)lane % Lanes), chunk, attempt), token, gatewayLoss is null ? null : () => gatewayLoss.Current);
    }
}
