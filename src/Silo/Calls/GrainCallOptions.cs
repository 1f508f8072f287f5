using Similarity.Silo.Fabric;

namespace Similarity.Silo.Calls;

/// <summary>How a caller splits large calls into requests and how long it waits for each.</summary>
public sealed record GrainCallOptions
{
    /// <summary>Wait for each request's reply; past it the call fails with a deadline error.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Texts (or pairs) per request: small enough to spread a large call over many silos, large enough to amortise a round trip.</summary>
    public int MaxItemsPerRequest { get; init; } = 64;

    /// <summary>Bytes per request; a single text larger than this fails with a request-too-large error.</summary>
    public int MaxRequestBytes { get; init; } = CallOptions.DefaultMaxRequestBytes;

    /// <summary>Requests of one call in flight at once.</summary>
    public int MaxConcurrentRequests { get; init; } = 32;

    public static GrainCallOptions Default { get; } = new();

    internal CallOptions ToCallOptions() => new() { Timeout = Timeout, MaxRequestBytes = MaxRequestBytes };
}
