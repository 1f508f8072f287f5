using Similarity.Inference.Batching;

namespace Similarity.Silo.Metrics;

/// <summary>
/// Each served model's batcher, as Prometheus series labelled by model and device: what it was asked, how it packed
/// batches (size, tokens, padding) and how long the model ran. Copied from <see cref="BatchingStatistics"/> when
/// <c>/metrics</c> is read; rates and ratios of the counters give batch size, tokens/s and latency per batch.
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
        MeanBatchSize = registry.Register(new GaugeFamily(
            "similarity_batcher_mean_batch_size", "Texts (or pairs) admitted per batch run since the model was loaded: the mean batch size once the queue is idle.", Labels));
        PaddingEfficiency = registry.Register(new GaugeFamily(
            "similarity_batcher_padding_efficiency", "Real tokens over computed tokens since the model was loaded (1 = no padding).", Labels));
        MeanBatchSeconds = registry.Register(new GaugeFamily(
            "similarity_batcher_mean_batch_seconds", "Model time per batch since the model was loaded.", Labels));
    }

    public MirroredCounterFamily Requests { get; }

    public MirroredCounterFamily Texts { get; }

    public MirroredCounterFamily Batches { get; }

    public MirroredCounterFamily Tokens { get; }

    public MirroredCounterFamily PaddedTokens { get; }

    public MirroredCounterFamily Rejected { get; }

    public MirroredCounterFamily Cancelled { get; }

    public MirroredCounterFamily InferenceSeconds { get; }

    public GaugeFamily MeanBatchSize { get; }

    public GaugeFamily PaddingEfficiency { get; }

    public GaugeFamily MeanBatchSeconds { get; }

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
        var batches = Math.Max(1, statistics.Batches);
        MeanBatchSize.WithLabels(labels).Set(statistics.Batches == 0 ? 0 : (double)statistics.Texts / batches);
        PaddingEfficiency.WithLabels(labels).Set(statistics.PaddingEfficiency);
        MeanBatchSeconds.WithLabels(labels).Set(statistics.InferenceTime.TotalSeconds / batches);
    }
}
