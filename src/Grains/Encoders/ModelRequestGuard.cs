using System.Diagnostics;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Errors;
using Similarity.Inference.Batching;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Encoders;

/// <summary>
/// What every worker grain does around one request to its model: refuses more items than the limits allow, answers an
/// empty request without calling the model, turns a batcher's refusal into the caller's error, insists on one result row
/// per item, and records the outcome. <paramref name="items"/> and <paramref name="rows"/> name both in messages
/// ("texts", "embeddings"); <paramref name="kind"/> labels metrics ("encode", "predict").
/// </summary>
internal sealed class ModelRequestGuard(EncodingLimits limits, WorkerMetrics metrics, string kind, string items, string rows)
{
    public async Task<EmbeddingMatrix> RunAsync<TItem>(
        ModelKey key,
        IReadOnlyList<TItem> request,
        int columns,
        Func<IReadOnlyList<TItem>, CancellationToken, Task<EmbeddingMatrix>> run,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = WorkerOutcome.Failed;
        try
        {
            var result = await RunCheckedAsync(key, request, columns, run, cancellationToken).ConfigureAwait(false);
            outcome = WorkerOutcome.Ok;
            return result;
        }
        catch (GrainException)
        {
            outcome = WorkerOutcome.Rejected;
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = WorkerOutcome.Cancelled;
            throw;
        }
        finally
        {
            metrics.Record(key, kind, outcome, request.Count, Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task<EmbeddingMatrix> RunCheckedAsync<TItem>(
        ModelKey key,
        IReadOnlyList<TItem> request,
        int columns,
        Func<IReadOnlyList<TItem>, CancellationToken, Task<EmbeddingMatrix>> run,
        CancellationToken cancellationToken)
    {
        if (request.Count > limits.MaxItemsPerRequest)
        {
            throw new RequestTooLargeException(
                $"request to model '{key.Model}' has {request.Count} {items}; at most {limits.MaxItemsPerRequest} are allowed per request", "input");
        }

        if (request.Count == 0)
        {
            return new EmbeddingMatrix(0, columns);
        }

        EmbeddingMatrix result;
        try
        {
            result = await run(request, cancellationToken).ConfigureAwait(false);
        }
        catch (EncoderOverloadedException e)
        {
            throw BatcherRefusal.Of(key.Model, e);
        }

        if (result.Rows != request.Count)
        {
            throw new InvalidOperationException($"model '{key.Model}' returned {result.Rows} {rows} for {request.Count} {items}");
        }

        return result;
    }
}
