using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Similarity.Grains.Contracts;
using Similarity.Grains.Serving;
using Similarity.Inference.Batching;
using Similarity.Silo.Hosting;

namespace Similarity.Silo.Metrics;

/// <summary>
/// Each served model's batcher on the <see cref="MeterName"/> meter, labelled by model and device, read from its
/// statistics when metrics are collected: what it was asked, how it packed batches and how long the model ran. Only
/// totals: rates and ratios over the window a dashboard picks give batch size (texts/batches), padding efficiency
/// (tokens/padded tokens), tokens/s and model time per batch.
/// </summary>
public sealed class BatcherMetrics
{
    public const string MeterName = "Similarity.Batchers";

    private readonly ServedModels _models;
    private readonly string _device;

    public BatcherMetrics(IMeterFactory meters, ServedModels models, IOptions<SiloOptions> options)
    {
        _models = models;
        _device = options.Value.DeviceClass.Name();
        var meter = meters.Create(MeterName);
        Observe(meter, "similarity.batcher.requests", "{request}", "Requests admitted into the model's batcher.", s => s.Requests);
        Observe(meter, "similarity.batcher.texts", "{text}", "Texts (or pairs) admitted into the model's batcher.", s => s.Texts);
        Observe(meter, "similarity.batcher.batches", "{batch}", "Inference batches run.", s => s.Batches);
        Observe(meter, "similarity.batcher.tokens", "{token}", "Real tokens in the batches run.", s => s.Tokens);
        Observe(meter, "similarity.batcher.padded_tokens", "{token}", "Tokens computed in the batches run, padding included (batch size x longest).", s => s.PaddedTokens);
        Observe(meter, "similarity.batcher.rejected", "{request}", "Requests the batcher refused because its queue was full.", s => s.Rejected);
        Observe(meter, "similarity.batcher.cancelled", "{request}", "Requests cancelled by their callers before they finished.", s => s.Cancelled);
        meter.CreateObservableCounter(
            "similarity.batcher.inference_time", () => Measure(s => s.InferenceTime.TotalSeconds), "s", "Time the model spent running batches (summed over inference threads).");
    }

    private void Observe(Meter meter, string name, string unit, string description, Func<BatchingStatistics, long> value) =>
        meter.CreateObservableCounter(name, () => Measure(value), unit, description);

    private IEnumerable<Measurement<T>> Measure<T>(Func<BatchingStatistics, T> value)
        where T : struct
    {
        foreach (var model in _models.All)
        {
            if (model.Statistics is { } statistics)
            {
                yield return new Measurement<T>(
                    value(statistics),
                    new KeyValuePair<string, object?>("model", model.Name),
                    new KeyValuePair<string, object?>("device", _device));
            }
        }
    }
}
