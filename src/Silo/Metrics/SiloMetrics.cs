using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Errors;

namespace Similarity.Silo.Metrics;

/// <summary>The metrics one silo records: worker requests, latencies, queue state, batchers and HTTP traffic.</summary>
public sealed class SiloMetrics
{
    public SiloMetrics()
    {
        Registry = new MetricRegistry();
        WorkerRequests = Registry.Register(new CounterFamily(
            "similarity_worker_requests_total", "Requests handled by this silo's workers, by outcome.", "model", "device", "kind", "outcome"));
        WorkerItems = Registry.Register(new CounterFamily(
            "similarity_worker_items_total", "Texts (encode) or pairs (predict) handled by this silo's workers.", "model", "device", "kind"));
        RequestItems = Registry.Register(new HistogramFamily(
            "similarity_worker_request_items", "Texts or pairs per request reaching a worker (the unit the encoder batches).",
            HistogramFamily.SizeBuckets, "model", "device", "kind"));
        InferenceDuration = Registry.Register(new HistogramFamily(
            "similarity_inference_duration_seconds", "Time from a worker taking a request to its reply being ready (batching wait plus inference).",
            HistogramFamily.LatencyBuckets, "model", "device", "kind"));
        QueueWait = Registry.Register(new HistogramFamily(
            "similarity_queue_wait_seconds", "Time a request spent between the caller and a worker (queueing and transport).",
            HistogramFamily.LatencyBuckets, "model", "device"));
        QueueDepth = Registry.Register(new GaugeFamily(
            "similarity_work_queue_depth", "Requests waiting in a work queue this silo serves.", "model", "device"));
        QueueConsumers = Registry.Register(new GaugeFamily(
            "similarity_work_queue_consumers", "Silos consuming a work queue this silo serves.", "model", "device"));
        InFlight = Registry.Register(new GaugeFamily(
            "similarity_worker_in_flight", "Requests this silo is handling right now.", "model", "device"));
        HttpRequests = Registry.Register(new CounterFamily(
            "similarity_http_requests_total", "HTTP requests by route and status code.", "route", "status"));
        HttpDuration = Registry.Register(new HistogramFamily(
            "similarity_http_request_duration_seconds", "End-to-end HTTP request latency, through the fabric and back.",
            HistogramFamily.LatencyBuckets, "route"));
        Errors = Registry.Register(new CounterFamily(
            "similarity_errors_total",
            "Errors this silo returned to HTTP callers, by code (worker-side rejections are in similarity_worker_requests_total).",
            "code"));
        Batcher = new BatcherMetrics(Registry);
    }

    public MetricRegistry Registry { get; }

    public CounterFamily WorkerRequests { get; }

    public CounterFamily WorkerItems { get; }

    public HistogramFamily RequestItems { get; }

    public HistogramFamily InferenceDuration { get; }

    public HistogramFamily QueueWait { get; }

    public GaugeFamily QueueDepth { get; }

    public GaugeFamily QueueConsumers { get; }

    public GaugeFamily InFlight { get; }

    public CounterFamily HttpRequests { get; }

    public HistogramFamily HttpDuration { get; }

    public CounterFamily Errors { get; }

    /// <summary>The served models' batchers: batch sizes, tokens, padding efficiency, model time.</summary>
    public BatcherMetrics Batcher { get; }

    public void RecordError(GrainErrorCode code) => Errors.WithLabels(ErrorCodeName(code)).Increment();

    public static string ErrorCodeName(GrainErrorCode code) => code switch
    {
        GrainErrorCode.InvalidRequest => "invalid_request",
        GrainErrorCode.RequestTooLarge => "request_too_large",
        GrainErrorCode.ModelNotServed => "model_not_served",
        GrainErrorCode.Overloaded => "overloaded",
        GrainErrorCode.DeadlineExceeded => "deadline_exceeded",
        GrainErrorCode.DeadLettered => "dead_lettered",
        GrainErrorCode.Unavailable => "unavailable",
        GrainErrorCode.UnsupportedOperation => "unsupported_operation",
        _ => "internal",
    };

    /// <summary>Labels for one worker key: <c>model</c> and <c>device</c>.</summary>
    public static string[] WorkerLabels(WorkerKey key) => [key.Model, key.Device.Name()];
}
