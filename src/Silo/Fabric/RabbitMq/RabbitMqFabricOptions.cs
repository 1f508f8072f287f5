namespace Similarity.Silo.Fabric.RabbitMq;

/// <summary>Where the broker is and how this process names itself there.</summary>
public sealed record RabbitMqFabricOptions
{
    /// <summary><c>amqp://USER:PASS@HOST:PORT/VHOST</c>.</summary>
    public required Uri Broker { get; init; }

    /// <summary>Prefix of every queue name, so clusters (and tests) sharing a broker stay apart.</summary>
    public string ClusterId { get; init; } = "default";

    /// <summary>Shown in the broker's connection list.</summary>
    public string ConnectionName { get; init; } = "similarity";

    /// <summary>Pause between reconnection attempts after the broker goes away.</summary>
    public TimeSpan RecoveryInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a "this queue has consumers" answer is trusted before asking the broker again.</summary>
    public TimeSpan ServedCheckLifetime { get; init; } = TimeSpan.FromSeconds(2);
}
