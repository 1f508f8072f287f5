using Similarity.Grains.Contracts;
using Similarity.Inference.Batching;
using Similarity.Silo.Calls;
using Similarity.Silo.Fabric;
using Similarity.Silo.Models;

namespace Similarity.Silo.Hosting;

/// <summary>
/// Everything a silo is configured with. Bound from the <c>Silo</c> configuration section: a JSON file, environment
/// variables (<c>SIMILARITY_SILO__BROKER</c>, <c>SIMILARITY_SILO__MODELS__minilm=/models/minilm</c>) and the command line.
/// </summary>
public sealed class SiloOptions
{
    public const string Section = "Silo";

    /// <summary>Silos with the same cluster id share queues and membership; tests use a fresh one each.</summary>
    public string ClusterId { get; set; } = "default";

    /// <summary>This silo's id in membership; defaults to host, process id and a random suffix.</summary>
    public string? SiloId { get; set; }

    /// <summary>RabbitMQ URI (<c>amqp://USER:PASS@HOST:PORT/VHOST</c>); none means the in-memory fabric (one process).</summary>
    public string? Broker { get; set; }

    /// <summary>Npgsql connection string for membership; none means in-memory membership.</summary>
    public string? Postgres { get; set; }

    /// <summary>Models served, by name: <c>NAME → DIR</c>.</summary>
    public Dictionary<string, string> Models { get; set; } = new(StringComparer.Ordinal);

    /// <summary><c>cpu</c> or <c>gpu</c>: which work queues this silo consumes.</summary>
    public string Device { get; set; } = "cpu";

    /// <summary>Token budget of one inference batch (batch size × longest sequence).</summary>
    public int BatchTokens { get; set; } = Defaults.BatchTokens;

    /// <summary>Most texts (or pairs) in one inference batch.</summary>
    public int MaxBatch { get; set; } = Defaults.MaxBatchSize;

    /// <summary>How long the batcher waits for more requests before running a partial batch.</summary>
    public int MaxWaitMs { get; set; } = (int)Defaults.MaxWait.TotalMilliseconds;

    /// <summary>ONNX Runtime threads per operator for each model (0 = one per core).</summary>
    public int Threads { get; set; } = Defaults.IntraOpThreads;

    /// <summary>Inference threads per model, each running one batch at a time.</summary>
    public int InferenceWorkers { get; set; } = Defaults.Workers;

    /// <summary>Texts (or pairs) one model's batcher holds before it refuses more as overloaded (HTTP 429).</summary>
    public int QueueCapacity { get; set; } = Defaults.QueueCapacity;

    /// <summary><c>HOST:PORT</c> for the HTTP API, health and metrics; none means no HTTP.</summary>
    public string? Http { get; set; }

    /// <summary>Requests one silo handles at once per model.</summary>
    public int Prefetch { get; set; } = WorkQueueOptions.Default.Prefetch;

    /// <summary>Requests a work queue holds before admission control refuses new ones.</summary>
    public int MaxQueueLength { get; set; } = WorkQueueOptions.Default.MaxLength;

    /// <summary>Deliveries of one request before it is dead-lettered.</summary>
    public int DeliveryLimit { get; set; } = WorkQueueOptions.Default.DeliveryLimit;

    public int HeartbeatSeconds { get; set; } = 5;

    /// <summary>On shutdown, how long in-flight requests may run before they are returned to the queue.</summary>
    public int DrainSeconds { get; set; } = 20;

    /// <summary>Reply timeout for calls this silo makes (HTTP API).</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Assembly-qualified type of an <see cref="IModelLoader"/> to use instead of the model folder loader.</summary>
    public string? ModelLoader { get; set; }

    public DeviceClass DeviceClass => DeviceClassNames.Parse(Device);

    public IReadOnlyList<ModelBinding> ModelBindings =>
        Models.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => new ModelBinding(m.Key, m.Value)).ToArray();

    public WorkQueueOptions QueueOptions => new() { Prefetch = Prefetch, MaxLength = MaxQueueLength, DeliveryLimit = DeliveryLimit };

    public ModelLoadSettings LoadSettings => new(DeviceClass, new BatchingOptions
    {
        BatchTokens = BatchTokens,
        MaxBatchSize = MaxBatch,
        MaxWait = TimeSpan.FromMilliseconds(MaxWaitMs),
        IntraOpThreads = Threads,
        ModelsInProcess = Math.Max(1, Models.Count),
        Workers = InferenceWorkers,
        QueueCapacity = QueueCapacity,
    });

    public GrainCallOptions CallOptions => new() { Timeout = TimeSpan.FromSeconds(TimeoutSeconds) };

    public TimeSpan HeartbeatInterval => TimeSpan.FromSeconds(HeartbeatSeconds);

    /// <summary>A silo is dead once its heartbeat is this old.</summary>
    public TimeSpan LivenessTimeout => TimeSpan.FromSeconds(HeartbeatSeconds * 3);

    private static BatchingOptions Defaults { get; } = new();
}
