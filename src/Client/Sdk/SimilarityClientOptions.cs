using Microsoft.Extensions.Logging;
using Similarity.Grains.Contracts;
using Similarity.Silo.Hosting;

namespace Similarity.Client;

/// <summary>How a <see cref="SimilarityClient"/> reaches its cluster and how it splits and times its calls.</summary>
public sealed class SimilarityClientOptions
{
    /// <summary>The cluster's RabbitMQ URI (<c>amqp://USER:PASS@HOST:PORT/VHOST</c>); none means an embedded in-process cluster.</summary>
    public Uri? Broker { get; set; }

    /// <summary>Must match the silos' cluster id.</summary>
    public string ClusterId { get; set; } = "default";

    /// <summary>The cluster's PostgreSQL connection string, for <see cref="SimilarityClient.GetClusterStatusAsync"/>.</summary>
    public string? Postgres { get; set; }

    /// <summary>Model used when a call names none (and by <c>IEmbeddingGenerator</c> without <c>ModelId</c>).</summary>
    public string? DefaultModel { get; set; }

    /// <summary>Which silos serve this client's calls: <c>cpu</c> or <c>gpu</c> work queues.</summary>
    public DeviceClass Device { get; set; } = DeviceClass.Cpu;

    /// <summary>Wait for each request's reply.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Texts (or pairs) per request; large calls are split and spread over the silos.</summary>
    public int MaxTextsPerRequest { get; set; } = 64;

    /// <summary>Requests of one call in flight at once.</summary>
    public int MaxConcurrentRequests { get; set; } = 32;

    /// <summary>Embedded mode only: the models the in-process silo serves, NAME → DIR.</summary>
    public Dictionary<string, string> EmbeddedModels { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Embedded mode only: adjusts the in-process silo's settings (batching, threads, queue bounds).</summary>
    public Action<SiloOptions>? ConfigureEmbeddedSilo { get; set; }

    /// <summary>Embedded mode only: the least severe log entry the in-process silo writes (to stderr).</summary>
    public LogLevel EmbeddedLogLevel { get; set; } = LogLevel.Warning;
}
