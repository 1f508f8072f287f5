using Microsoft.Extensions.Logging;
using Similarity.Silo.Calls;
using Similarity.Silo.Hosting;
using Similarity.Silo.Models;

namespace Similarity.Silo.Testing;

/// <summary>What a <see cref="LocalCluster"/> runs on and what its silos serve.</summary>
public sealed class LocalClusterOptions
{
    /// <summary>RabbitMQ URI; none means the in-memory fabric.</summary>
    public string? Broker { get; set; }

    /// <summary>Npgsql connection string; none means in-memory membership.</summary>
    public string? Postgres { get; set; }

    /// <summary>Loads the models every silo serves (a test double, or the real pipeline).</summary>
    public required IModelLoader ModelLoader { get; set; }

    /// <summary>Models every silo serves by default: NAME → DIR (as the loader understands DIR).</summary>
    public Dictionary<string, string> Models { get; set; } = new(StringComparer.Ordinal);

    public int InitialSilos { get; set; } = 2;

    /// <summary>Adjusts each initial silo's options; the argument is the silo's index.</summary>
    public Action<int, SiloOptions>? ConfigureSilo { get; set; }

    /// <summary>Serve HTTP on each silo, on a free loopback port.</summary>
    public bool Http { get; set; }

    /// <summary>A fresh id by default, so clusters sharing a broker or database never see each other.</summary>
    public string ClusterId { get; set; } = "local-" + Guid.NewGuid().ToString("N")[..12];

    public GrainCallOptions ClientOptions { get; set; } = GrainCallOptions.Default;

    public LogLevel LogLevel { get; set; } = LogLevel.Warning;
}
