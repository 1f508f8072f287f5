using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Errors;
using Similarity.Inference.Batching;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Encoders;

/// <summary>
/// What every worker grain does around one request to its model: refuses more items than the limits allow, answers an
/// empty request without calling the model, turns a batcher's refusal into the caller's error, and insists on one
/// result row per item. <paramref name="items"/> and <paramref name="rows"/> name both in messages ("texts", "embeddings").
/// </summary>
internal sealed class ModelRequestGuard(string model, EncodingLimits limits, string items, string rows)
{
    public string Model { get; } = ModelNames.Validate(model);

    public async Task<EmbeddingMatrix> RunAsync<TItem>(
        IReadOnlyList<TItem> request,
        int columns,
        Func<IReadOnlyList<TItem>, CancellationToken, Task<EmbeddingMatrix>> run,
        CancellationToken cancellationToken)
    {
        if (request.Count > limits.MaxItemsPerRequest)
        {
            throw new RequestTooLargeException(
                $"request to model '{Model}' has {request.Count} {items}; at most {limits.MaxItemsPerRequest} are allowed per request", "input");
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
            throw BatcherRefusal.Of(Model, e);
        }

        if (result.Rows != request.Count)
        {
            throw new InvalidOperationException($"model '{Model}' returned {result.Rows} {rows} for {request.Count} {items}");
        }

        return result;
    }
}
