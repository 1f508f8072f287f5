using System.Diagnostics.Metrics;
using Similarity.Grains.Contracts;

namespace Similarity.Grains.Encoders;

/// <summary>
/// What this silo's encoder and cross-encoder grains record, on the <see cref="MeterName"/> meter: requests by outcome,
/// items, items per request (the unit the batcher merges) and the time from a grain taking a request to its answer
/// (batching wait plus inference).
/// </summary>
public sealed class WorkerMetrics
{
    public const string MeterName = "Similarity.Workers";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _items;
    private readonly Histogram<int> _requestItems;
    private readonly Histogram<double> _duration;

    public WorkerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>("similarity.worker.requests", "{request}", "Requests handled by this silo's encoder and cross-encoder grains, by outcome.");
        _items = meter.CreateCounter<long>("similarity.worker.items", "{item}", "Texts (encode) or pairs (predict) handled by this silo's grains.");
        _requestItems = meter.CreateHistogram<int>(
            "similarity.worker.request.items", "{item}", "Texts or pairs per request reaching a grain.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048] });
        _duration = meter.CreateHistogram<double>(
            "similarity.worker.duration", "s", "Time from a grain taking a request to its answer: batching wait plus inference.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
    }

    internal void Record(ModelKey key, string kind, WorkerOutcome outcome, int items, TimeSpan duration)
    {
        var model = new KeyValuePair<string, object?>("model", key.Model);
        var device = new KeyValuePair<string, object?>("device", key.Device.Name());
        var operation = new KeyValuePair<string, object?>("kind", kind);
        _requests.Add(1, model, device, operation, new KeyValuePair<string, object?>("outcome", OutcomeName(outcome)));
        _items.Add(items, model, device, operation);
        _requestItems.Record(items, model, device, operation);
        _duration.Record(duration.TotalSeconds, model, device, operation);
    }

    private static string OutcomeName(WorkerOutcome outcome) => outcome switch
    {
        WorkerOutcome.Ok => "ok",
        WorkerOutcome.Rejected => "rejected",
        WorkerOutcome.Cancelled => "cancelled",
        _ => "failed",
    };
}
