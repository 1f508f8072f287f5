using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Similarity.Silo.Models;

namespace Similarity.Silo.Hosting;

/// <summary>
/// A silo inside the calling process: the same host, grains and batchers as <c>simctl silo</c>, on localhost clustering
/// with in-memory state, free ports and no HTTP. Every command without <c>--cluster</c> runs on one; a cluster is the
/// same grains on more machines. Starts in about a second once its models are loaded.
/// </summary>
public sealed class EmbeddedSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private EmbeddedSilo(IHost host)
    {
        _host = host;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
        Settings = host.Services.GetRequiredService<SiloSettings>();
    }

    /// <summary>The silo's concrete settings: its name and the ports it took.</summary>
    public SiloSettings Settings { get; }

    /// <summary>Calls grains in this silo (and in its cluster, for development clusters of several embedded silos).</summary>
    public IGrainFactory Grains { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>
    /// Starts a silo with <paramref name="options"/> (no <c>Cluster</c>; ports 0 mean "any free port"), loading its models
    /// with <paramref name="loader"/> (default: model folders). Logs at <paramref name="logLevel"/> and above to stderr.
    /// </summary>
    public static async Task<EmbeddedSilo> StartAsync(
        SiloOptions options, IModelLoader? loader = null, LogLevel logLevel = LogLevel.Warning, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsEmbedded)
        {
            throw new ArgumentException("An embedded silo has no Cluster connection string; run `simctl silo --cluster ...` to join a cluster.", nameof(options));
        }

        var result = new SiloOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(SiloOptions.Section, typeof(SiloOptions), result.Failures);
        }

        var logging = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = logLevel.ToString(), ["Logging:LogLevel:Orleans"] = Max(logLevel, LogLevel.Warning).ToString() })
            .Build();
        var host = SiloHost.Build(SiloSettings.From(options), logging, services =>
        {
            if (loader is not null)
            {
                services.AddSingleton(loader);
            }
        });

        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new EmbeddedSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            _host.Dispose();
        }
    }

    private static LogLevel Max(LogLevel a, LogLevel b) => a > b ? a : b;
}
