using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Similarity.Silo.Calls;
using Similarity.Silo.Fabric;
using Similarity.Silo.Fabric.InMemory;
using Similarity.Silo.Fabric.RabbitMq;
using Similarity.Silo.Hosting;
using Similarity.Silo.Membership;
using Similarity.Silo.Membership.Postgres;

namespace Similarity.Silo.Testing;

/// <summary>
/// N silos and a client in one process (Orleans' TestCluster in spirit), on the in-memory fabric or on real RabbitMQ and
/// PostgreSQL. Each silo is a full Generic Host built exactly as <c>simctl silo</c> builds one; on RabbitMQ each silo and
/// the client has its own broker connection, as separate processes would.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private readonly LocalClusterOptions _options;
    private readonly InMemoryFabric? _sharedFabric;
    private readonly InMemoryMembershipTable? _sharedMembership;
    private readonly List<LocalSilo> _silos = [];
    private readonly Lock _gate = new();
    private int _nextSilo;

    private LocalCluster(LocalClusterOptions options)
    {
        _options = options;
        if (options.Broker is null)
        {
            _sharedFabric = new InMemoryFabric();
        }

        if (options.Postgres is null)
        {
            _sharedMembership = new InMemoryMembershipTable();
        }

        ClientFabric = _sharedFabric ?? (IGrainFabric)new RabbitMqFabric(
            new RabbitMqFabricOptions { Broker = new Uri(options.Broker!), ClusterId = options.ClusterId, ConnectionName = options.ClusterId + "-client" });
        Membership = _sharedMembership ?? (IMembershipTable)new PostgresMembershipTable(options.Postgres!);
        Client = new GrainFactory(ClientFabric, options.ClientOptions);
    }

    public string ClusterId => _options.ClusterId;

    /// <summary>Silos started so far, including stopped ones (see <see cref="LocalSilo.IsRunning"/>).</summary>
    public IReadOnlyList<LocalSilo> Silos
    {
        get
        {
            lock (_gate)
            {
                return [.. _silos];
            }
        }
    }

    /// <summary>The cluster client: grain references over the client's own fabric connection.</summary>
    public GrainFactory Client { get; }

    public IGrainFabric ClientFabric { get; }

    public IMembershipTable Membership { get; }

    /// <summary>A silo is reported dead once its heartbeat is this old (silos here heartbeat every second).</summary>
    public TimeSpan LivenessTimeout { get; } = TimeSpan.FromSeconds(3);

    public static async Task<LocalCluster> StartAsync(LocalClusterOptions options, CancellationToken cancellationToken = default)
    {
        var cluster = new LocalCluster(options);
        try
        {
            var starts = Enumerable.Range(0, options.InitialSilos)
                .Select(i => cluster.StartSiloAsync(silo => options.ConfigureSilo?.Invoke(i, silo), cancellationToken));
            await Task.WhenAll(starts).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts one more silo with the cluster's models, adjusted by <paramref name="configure"/>.</summary>
    public async Task<LocalSilo> StartSiloAsync(Action<SiloOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var index = Interlocked.Increment(ref _nextSilo);
        var settings = new Dictionary<string, string?>
        {
            ["Silo:ClusterId"] = ClusterId,
            ["Silo:SiloId"] = $"{ClusterId}-silo{index}",
            ["Silo:Broker"] = _options.Broker,
            ["Silo:Postgres"] = _options.Postgres,
            ["Silo:HeartbeatSeconds"] = "1",
            ["Silo:DrainSeconds"] = "10",
            ["Silo:Http"] = _options.Http ? "127.0.0.1:0" : null,
            ["Logging:LogLevel:Default"] = _options.LogLevel.ToString(),
        };
        foreach (var (name, path) in _options.Models)
        {
            settings[$"Silo:Models:{name}"] = path;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var host = SiloHost.Build(configuration, services =>
        {
            services.AddSingleton(_options.ModelLoader);
            if (_sharedFabric is not null)
            {
                services.AddSingleton<IGrainFabric>(_sharedFabric);
            }

            if (_sharedMembership is not null)
            {
                services.AddSingleton<IMembershipTable>(_sharedMembership);
            }

            if (configure is not null)
            {
                services.PostConfigure(configure);
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

        var silo = new LocalSilo(host);
        lock (_gate)
        {
            _silos.Add(silo);
        }

        return silo;
    }

    /// <summary>Stops a silo gracefully: in-flight work finishes (or returns to the queue), then it leaves membership.</summary>
    public async Task StopSiloAsync(LocalSilo silo)
    {
        if (!silo.IsRunning)
        {
            return;
        }

        silo.IsRunning = false;
        await silo.Host.StopAsync().ConfigureAwait(false);
        await DisposeHostAsync(silo.Host).ConfigureAwait(false);
    }

    /// <summary>Stops a silo as a crash would: in-flight work returns to the queue, and it never leaves membership.</summary>
    public async Task KillSiloAsync(LocalSilo silo)
    {
        if (!silo.IsRunning)
        {
            return;
        }

        silo.IsRunning = false;
        await silo.Service.HaltAsync().ConfigureAwait(false);
        await DisposeHostAsync(silo.Host).ConfigureAwait(false);
    }

    public Task<ClusterStatus> GetStatusAsync(CancellationToken cancellationToken = default) =>
        Membership.ReadLiveAsync(ClusterId, LivenessTimeout, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos.Where(s => s.IsRunning))
        {
            await StopSiloAsync(silo).ConfigureAwait(false);
        }

        if (_sharedFabric is null)
        {
            await ClientFabric.DisposeAsync().ConfigureAwait(false);
        }

        if (Membership is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task DisposeHostAsync(IHost host)
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            host.Dispose();
        }
    }
}
