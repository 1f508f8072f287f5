namespace Similarity.Silo.Fabric;

/// <summary>Per-call settings on the caller's side.</summary>
public sealed record CallOptions
{
    /// <summary>Default largest request: well under RabbitMQ's message size limit and small enough to keep queues responsive.</summary>
    public const int DefaultMaxRequestBytes = 4 * 1024 * 1024;

    /// <summary>Time from sending to the reply; past it the call fails with a deadline error and the work is dropped unseen.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Requests larger than this are refused before they are sent.</summary>
    public int MaxRequestBytes { get; init; } = DefaultMaxRequestBytes;

    public static CallOptions Default { get; } = new();
}
