using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Similarity.Silo.Hosting;
using Similarity.Silo.Metrics;

namespace Similarity.Silo.Testing;

/// <summary>One silo of a <see cref="LocalCluster"/>: its host, and what tests ask of it.</summary>
public sealed class LocalSilo(IHost host)
{
    public IHost Host { get; } = host;

    public SiloService Service { get; } = host.Services.GetRequiredService<SiloService>();

    public SiloMetrics Metrics { get; } = host.Services.GetRequiredService<SiloMetrics>();

    public string SiloId => Service.Identity.SiloId;

    /// <summary>Requests this silo's workers have handled.</summary>
    public long Completed => Service.Load.Completed;

    /// <summary>Base address of the silo's HTTP API, when it serves HTTP.</summary>
    public Uri? HttpAddress => Service.HttpEndpoint is { } endpoint ? new Uri(endpoint) : null;

    public bool IsRunning { get; internal set; } = true;
}
