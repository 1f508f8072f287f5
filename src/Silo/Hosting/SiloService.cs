using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Similarity.Grains.Contracts;
using Similarity.Grains.Encoders;
using Similarity.Silo.Fabric;
using Similarity.Silo.Membership;
using Similarity.Silo.Metrics;
using Similarity.Silo.Models;
using Similarity.Silo.Workers;

namespace Similarity.Silo.Hosting;

/// <summary>
/// A silo's life: load its models, consume their work queues, join membership and heartbeat; on shutdown, stop taking
/// work, drain or return in-flight requests, and leave.
/// </summary>
public sealed class SiloService(
    IOptions<SiloOptions> options,
    SiloIdentity identity,
    IGrainFabric fabric,
    IMembershipTable membership,
    IModelLoader loader,
    SiloMetrics metrics,
    IServiceProvider services,
    ILogger<SiloService> logger) : IHostedService
{
    private readonly SiloOptions _options = options.Value;
    private readonly List<LoadedModel> _models = [];
    private readonly List<IWorkSubscription> _subscriptions = [];
    private readonly CancellationTokenSource _stopping = new();
    private Task _heartbeat = Task.CompletedTask;
    private string[] _roles = [];
    private volatile SiloStatus _status = SiloStatus.Joining;

    public SiloIdentity Identity => identity;

    public SiloStatus Status => _status;

    /// <summary>True once every model is loaded and its queue consumed.</summary>
    public bool IsReady => _status == SiloStatus.Active;

    public IReadOnlyList<LoadedModel> Models => _models;

    public IReadOnlyList<IWorkSubscription> Subscriptions => _subscriptions;

    /// <summary>The HTTP address Kestrel bound (resolves port 0), when the silo serves HTTP.</summary>
    public string? HttpEndpoint { get; private set; }

    public SiloLoad Load
    {
        get
        {
            int inFlight = 0;
            long completed = 0;
            foreach (var subscription in _subscriptions)
            {
                inFlight += subscription.InFlight;
                completed += subscription.Completed;
            }

            return new SiloLoad(inFlight, _options.Prefetch * _subscriptions.Count, completed);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        HttpEndpoint = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        foreach (var binding in _options.ModelBindings)
        {
            logger.LogInformation("Loading model {Model} from {Path} for {Device}", binding.Name, binding.Path, identity.Device.Name());
            _models.Add(await loader.LoadAsync(binding, _options.LoadSettings, cancellationToken).ConfigureAwait(false));
        }

        _roles = [identity.Device.Name(), .. _models.SelectMany(m => m.Roles).Distinct(), .. HttpEndpoint is null ? Array.Empty<string>() : ["http"]];
        await membership.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await membership.JoinAsync(Record(SiloStatus.Joining), cancellationToken).ConfigureAwait(false);

        foreach (var model in _models)
        {
            var key = new WorkerKey(model.Name, identity.Device);
            var handler = new ModelWorkHandler(
                key,
                model.Encoder is null ? null : new EncoderGrain(model.Name, model.Encoder),
                model.Classifier is null ? null : new CrossEncoderGrain(model.Name, model.Classifier),
                metrics);
            _subscriptions.Add(await fabric.ServeAsync(key, handler, _options.QueueOptions, cancellationToken).ConfigureAwait(false));
            logger.LogInformation("Serving {Worker} on the {Fabric} fabric", key, fabric.Name);
        }

        _status = SiloStatus.Active;
        await membership.HeartbeatAsync(identity.ClusterId, identity.SiloId, _status, Load, cancellationToken).ConfigureAwait(false);
        _heartbeat = Task.Run(() => HeartbeatAsync(_stopping.Token), CancellationToken.None);
        logger.LogInformation("Silo {Silo} joined cluster {Cluster}", identity.SiloId, identity.ClusterId);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _status = SiloStatus.ShuttingDown;
        await TryAsync(() => membership.HeartbeatAsync(identity.ClusterId, identity.SiloId, _status, Load, cancellationToken), "announce shutdown").ConfigureAwait(false);

        var drain = TimeSpan.FromSeconds(_options.DrainSeconds);
        await Task.WhenAll(_subscriptions.Select(s => s.StopAsync(drain))).ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _heartbeat.ConfigureAwait(false);
        await TryAsync(() => membership.LeaveAsync(identity.ClusterId, identity.SiloId, cancellationToken), "leave membership").ConfigureAwait(false);

        foreach (var model in _models)
        {
            await model.DisposeAsync().ConfigureAwait(false);
        }

        logger.LogInformation("Silo {Silo} left cluster {Cluster}", identity.SiloId, identity.ClusterId);
    }

    /// <summary>
    /// Stops like a crashed process would, for tests: in-flight work goes back to the queue at once, heartbeats stop,
    /// and the silo never leaves membership (its row goes stale).
    /// </summary>
    public async Task HaltAsync()
    {
        _status = SiloStatus.ShuttingDown;
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_subscriptions.Select(s => s.StopAsync(TimeSpan.Zero))).ConfigureAwait(false);
        await _heartbeat.ConfigureAwait(false);
    }

    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.HeartbeatInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await TryAsync(() => membership.HeartbeatAsync(identity.ClusterId, identity.SiloId, _status, Load, cancellationToken), "heartbeat")
                    .ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task TryAsync(Func<Task> action, string what)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Silo {Silo} could not {What}", identity.SiloId, what);
        }
    }

    private SiloRecord Record(SiloStatus status) => new()
    {
        ClusterId = identity.ClusterId,
        SiloId = identity.SiloId,
        HostName = identity.HostName,
        ProcessId = identity.ProcessId,
        Device = identity.Device,
        Roles = _roles,
        Models = _models.Select(m => m.Name).ToArray(),
        HttpEndpoint = HttpEndpoint,
        StartedAt = identity.StartedAt,
        Status = status,
        Load = Load,
    };
}
