using Similarity.Grains.Contracts;

namespace Similarity.Silo.Fabric.RabbitMq;

/// <summary>
/// Queue names and arguments. Work queues are quorum queues per (model, device class): bounded with
/// <c>reject-publish</c> (a full queue nacks the publish: "overloaded"), a delivery limit, and dead-lettering into the
/// cluster's dead-letter queue, whose consumer turns each dead letter into an error reply.
/// </summary>
public static class RabbitMqTopology
{
    /// <summary>RabbitMQ's pseudo-queue for direct replies: no reply queue to declare, replies go straight to the caller's channel.</summary>
    public const string DirectReplyTo = "amq.rabbitmq.reply-to";

    public const string DeadlineHeader = "x-similarity-deadline";
    public const string SentAtHeader = "x-similarity-sent-at";
    public const string ModelHeader = "x-similarity-model";
    public const string DeviceHeader = "x-similarity-device";

    public static string WorkQueue(string clusterId, WorkerKey key) => $"similarity.{clusterId}.work.{key.Model}.{key.Device.Name()}";

    public static string DeadLetterQueue(string clusterId) => $"similarity.{clusterId}.dead-letters";

    public static Dictionary<string, object?> WorkQueueArguments(string clusterId, WorkQueueOptions options) => new()
    {
        ["x-queue-type"] = "quorum",
        ["x-max-length"] = options.MaxLength,
        ["x-overflow"] = "reject-publish",
        ["x-delivery-limit"] = options.DeliveryLimit,
        ["x-dead-letter-exchange"] = string.Empty,
        ["x-dead-letter-routing-key"] = DeadLetterQueue(clusterId),
    };

    public static Dictionary<string, object?> DeadLetterQueueArguments() => new()
    {
        ["x-queue-type"] = "quorum",
    };
}
