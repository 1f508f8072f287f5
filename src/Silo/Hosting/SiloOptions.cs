using Similarity.Grains.Contracts;
using Similarity.Inference.Batching;
using Similarity.Silo.Models;

namespace Similarity.Silo.Hosting;

/// <summary>
/// Everything a silo is configured with. Bound from the <c>Silo</c> configuration section: a JSON file, environment
/// variables (<c>SIMILARITY_SILO__CLUSTER</c>, <c>SIMILARITY_SILO__MODELS__minilm=/models/minilm</c>) and the command line.
/// </summary>
public sealed class SiloOptions
{
    public const string Section = "Silo";

    /// <summary>
    /// PostgreSQL connection string of the cluster (membership, grain state, reminders); none means a single embedded
    /// silo: localhost clustering and in-memory state, nothing to install.
    /// </summary>
    public string? Cluster { get; set; }

    /// <summary>
    /// Without <see cref="Cluster"/>: the silo port of the first silo (<c>127.0.0.1:11111</c>), so several silos of one
    /// machine form a development cluster without PostgreSQL (benchmarks, tests); none means a cluster of one.
    /// </summary>
    public string? PrimarySilo { get; set; }

    /// <summary>Silos with the same cluster id form one cluster; tests use a fresh one each.</summary>
    public string ClusterId { get; set; } = ClusterIdentity.DefaultClusterId;

    /// <summary>This silo's name in membership; defaults to <c>POD_NAME</c>, else host and process id.</summary>
    public string? SiloName { get; set; }

    /// <summary>The IP address other silos and clients reach this silo at; defaults to <c>POD_IP</c>, else this host's first non-loopback IPv4.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Port for silo-to-silo traffic (0: any free port, for embedded silos).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port clients connect to (0: any free port).</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Models served, by name: <c>NAME → DIR</c>.</summary>
    public Dictionary<string, string> Models { get; set; } = new(StringComparer.Ordinal);

    /// <summary><c>cpu</c> or <c>gpu</c>: which requests this silo serves (a request names its device class).</summary>
    public string Device { get; set; } = "cpu";

    /// <summary>Token budget of one inference batch (batch size × longest sequence).</summary>
    public int BatchTokens { get; set; } = Defaults.BatchTokens;

    /// <summary>Most texts (or pairs) in one inference batch.</summary>
    public int MaxBatch { get; set; } = Defaults.MaxBatchSize;

    /// <summary>How long the batcher waits for more requests before running a partial batch.</summary>
    public int MaxWaitMs { get; set; } = (int)Defaults.MaxWait.TotalMilliseconds;

    /// <summary>ONNX Runtime threads per operator for each model (0 = the cores the process may use, split among its models and workers).</summary>
    public int Threads { get; set; } = Defaults.IntraOpThreads;

    /// <summary>Inference threads per model, each running one batch at a time.</summary>
    public int InferenceWorkers { get; set; } = Defaults.Workers;

    /// <summary>Texts (or pairs) one model's batcher holds before it refuses more as overloaded (HTTP 429).</summary>
    public int QueueCapacity { get; set; } = Defaults.QueueCapacity;

    /// <summary><c>HOST:PORT</c> for the HTTP API, health, metrics and dashboard; none means no HTTP.</summary>
    public string? Http { get; set; }

    /// <summary>On shutdown, how long in-flight requests may run while the silo leaves the cluster.</summary>
    public int DrainSeconds { get; set; } = 20;

    /// <summary>How long a grain call this silo makes (the HTTP API's) waits for its answer.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Assembly-qualified type of an <see cref="IModelLoader"/> to use instead of the model folder loader.</summary>
    public string? ModelLoader { get; set; }

    public DeviceClass DeviceClass => DeviceClassNames.Parse(Device);

    public IReadOnlyList<ModelBinding> ModelBindings =>
        Models.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => new ModelBinding(m.Key, m.Value)).ToArray();

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

    /// <summary>True without <see cref="Cluster"/>: one silo in this process, nothing persisted.</summary>
    public bool IsEmbedded => string.IsNullOrEmpty(Cluster);

    private static BatchingOptions Defaults { get; } = new();
}
