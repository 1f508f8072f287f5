using Similarity.Inference.Batching;

namespace Similarity.Silo.Metrics;

/// <summary>
/// Each served model's batcher, as Prometheus series labelled by model and device: what it was asked, how it packed
/// batches (size, tokens, padding) and how long the model ran. Copied from <see cref="BatchingStatistics"/> when
/// <c>/metrics</c> is read. Only totals are exported: rates and ratios of them over the window a dashboard picks give
/// batch size (texts/batches), padding efficiency (tokens/padded tokens), tokens/s and model time per batch.
/// </summary>
public sealed class BatcherMetrics
{
    private static readonly string[] Labels = ["model", "device"];

    public BatcherMetrics(MetricRegistry registry)
    {
        Requests = registry.Register(new MirroredCounterFamily(
            "similarity_batcher_requests_total", "Requests admitted into the model's batcher.", Labels));
        Texts = registry.Register(new MirroredCounterFamily(
            "similarity_batcher_texts_total", "Texts (or pairs) admitted into the model's batcher.", Labels));
        Batches = registry.Register(new MirroredCounterFamily(
            "similarity_batcher_batches_total", "Inference batches run.", Labels));
        Tokens = registry.Register(new MirroredCounterFamily(
            "similarity_batcher_tokens_total", "Real tokens in the batches run.", Labels));
        PaddedTokens = registry.Register(new MirroredCounterFamily(
            "similarity_batcher_padded_tokens_total", "Tokens computed in the batches run, padding included (batch size x longest).", Labels));
        Rejected = registry.Register(new MirroredCounterFamily(
            "similarity_batcher_rejected_total", "Requests the batcher refused because its queue was full.", Labels));
        Cancelled = registry.Register(new MirroredCounterFamily(
            "similarity_batcher_cancelled_total", "Requests cancelled by their callers before they finished.", Labels));
        InferenceSeconds = registry.Register(new MirroredCounterFamily(
            "similarity_batcher_inference_seconds_total", "Time the model spent running batches (summed over inference threads).", Labels));
    }

    public MirroredCounterFamily Requests { get; }

    public MirroredCounterFamily Texts { get; }

    public MirroredCounterFamily Batches { get; }

    public MirroredCounterFamily Tokens { get; }

    public MirroredCounterFamily PaddedTokens { get; }

    public MirroredCounterFamily Rejected { get; }

    public MirroredCounterFamily Cancelled { get; }

    public MirroredCounterFamily InferenceSeconds { get; }

    /// <summary>Copies one model's statistics into its series (<paramref name="labels"/>: model and device).</summary>
    public void Record(string[] labels, BatchingStatistics statistics)
    {
        Requests.WithLabels(labels).Set(statistics.Requests);
        Texts.WithLabels(labels).Set(statistics.Texts);
        Batches.WithLabels(labels).Set(statistics.Batches);
        Tokens.WithLabels(labels).Set(statistics.Tokens);
        PaddedTokens.WithLabels(labels).Set(statistics.PaddedTokens);
        Rejected.WithLabels(labels).Set(statistics.Rejected);
        Cancelled.WithLabels(labels).Set(statistics.Cancelled);
        InferenceSeconds.WithLabels(labels).Set(statistics.InferenceTime.TotalSeconds);
    }
}
