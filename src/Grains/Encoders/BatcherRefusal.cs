using Similarity.Grains.Contracts.Errors;
using Similarity.Inference.Batching;

namespace Similarity.Grains.Encoders;

/// <summary>
/// What a caller is told when a model's batcher refuses a request: "overloaded" (retry later, HTTP 429) while its queue
/// is full, "too large" when the request alone exceeds the queue's capacity and no retry can help.
/// </summary>
internal static class BatcherRefusal
{
    public static GrainException Of(string model, EncoderOverloadedException refusal) =>
        refusal.Requested > refusal.Capacity
            ? new RequestTooLargeException(
                $"request to model '{model}' has {refusal.Requested} items; its batcher holds at most {refusal.Capacity}", "input", refusal)
            : new OverloadedException(
                $"model '{model}' is overloaded: {refusal.Queued} items are queued in its batcher and {refusal.Requested} more would exceed {refusal.Capacity}; retry later",
                refusal);
}
