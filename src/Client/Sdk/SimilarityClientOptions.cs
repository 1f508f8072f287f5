using Similarity.Grains.Contracts;

namespace Similarity.Client;

/// <summary>How a <see cref="SimilarityClient"/> reaches its cluster and how it splits and times its calls.</summary>
public sealed class SimilarityClientOptions
{
    /// <summary>The cluster's PostgreSQL connection string (<c>Host=...;Port=...;Username=...;Database=...</c>): where the silos' gateways are listed.</summary>
    public string? Cluster { get; set; }

    /// <summary>Must match the silos' cluster id.</summary>
    public string ClusterId { get; set; } = ClusterIdentity.DefaultClusterId;

    /// <summary>Model used when a call names none (and by <c>IEmbeddingGenerator</c> without <c>ModelId</c>).</summary>
    public string? DefaultModel { get; set; }

    /// <summary>Which silos serve this client's calls: those of this device class.</summary>
    public DeviceClass Device { get; set; } = DeviceClass.Cpu;

    /// <summary>How long one request waits for its answer, time queued behind other callers' work included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Texts (or pairs) per request; large calls are split and spread over the silos.</summary>
    public int MaxTextsPerRequest { get; set; } = 64;

    /// <summary>Requests of one call in flight at once.</summary>
    public int MaxConcurrentRequests { get; set; } = 32;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTextsPerRequest, 1, nameof(MaxTextsPerRequest));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentRequests, 1, nameof(MaxConcurrentRequests));
        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "SimilarityClientOptions.Timeout must be positive.");
        }

        if (!ModelNames.IsValid(ClusterId))
        {
            throw new ArgumentException($"SimilarityClientOptions.ClusterId '{ClusterId}' must be ASCII letters, digits, '.', '_' or '-'.", nameof(ClusterId));
        }

        if (DefaultModel is { } model && !ModelNames.IsValid(model))
        {
            throw new ArgumentException($"SimilarityClientOptions.DefaultModel '{model}' is not a model name.", nameof(DefaultModel));
        }
    }
}
