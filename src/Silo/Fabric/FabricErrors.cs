using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Errors;

namespace Similarity.Silo.Fabric;

/// <summary>The errors the fabric itself raises, worded the same whichever fabric carries the call.</summary>
public static class FabricErrors
{
    public static ModelNotServedException ModelNotServed(WorkerKey key) =>
        new($"no live silo serves model '{key.Model}' on {key.Device.Name()}", "model");

    public static OverloadedException Overloaded(WorkerKey key) =>
        new($"model '{key.Model}' on {key.Device.Name()} is overloaded: its work queue is full; retry later");

    public static DeadlineExceededException DeadlineExceeded(WorkerKey key, TimeSpan timeout) =>
        new($"no reply from model '{key.Model}' on {key.Device.Name()} within {timeout.TotalSeconds:0.###} s");

    /// <summary>The error for a request given up on; <paramref name="deliveries"/> is 0 when the broker did not say.</summary>
    public static DeadLetteredException DeadLettered(WorkerKey key, int deliveries) =>
        new($"request to model '{key.Model}' on {key.Device.Name()} was dead-lettered after " +
            (deliveries > 0 ? $"{deliveries} deliveries" : "repeated deliveries") +
            ": the silos that took it failed or stopped while handling it");

    public static RequestTooLargeException TooLarge(WorkerKey key, int bytes, int limit) =>
        new($"request to model '{key.Model}' is {bytes} bytes; the limit is {limit} bytes", "input");

    public static FabricUnavailableException Unavailable(string fabric, string reason, Exception? inner = null) =>
        new($"the {fabric} fabric is unavailable: {reason}", inner);
}
