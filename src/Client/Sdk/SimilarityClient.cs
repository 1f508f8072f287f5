using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Similarity.Grains.Contracts;
using Similarity.Grains.Encoders;
using Similarity.Inference.Models;
using Similarity.Inference.Tensors;
using Similarity.Silo.Calls;
using Similarity.Silo.Fabric.RabbitMq;
using Similarity.Silo.Hosting;
using Similarity.Silo.Membership;
using Similarity.Silo.Membership.Postgres;
using Similarity.Silo.Models;
using Similarity.Silo.Testing;

namespace Similarity.Client;

/// <summary>
/// The .NET client of a similarity cluster: encode and predict (cross-encoder) calls, cluster status, and
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> for Microsoft.Extensions.AI. Connects to a cluster through its
/// broker, or runs an embedded in-process cluster when no broker is configured. Thread-safe; connects on first use.
/// </summary>
public sealed class SimilarityClient : IEmbeddingGenerator<string, Embedding<float>>, IAsyncDisposable
{
    private readonly SimilarityClientOptions _options;
    private readonly IModelLoader? _embeddedLoader;
    private readonly SemaphoreSlim _connectGate = new(1, 1);
    private readonly ConcurrentDictionary<string, int> _dimensions = new(StringComparer.Ordinal);
    private ClusterConnection? _connection;
    private bool _disposed;

    /// <summary>For dependency injection; <paramref name="embeddedLoader"/> (default: the model folder loader) is used only in embedded mode.</summary>
    public SimilarityClient(IOptions<SimilarityClientOptions> options, IModelLoader? embeddedLoader = null)
    {
        _options = options.Value;
        _embeddedLoader = embeddedLoader;
        Validate(_options);
    }

    private SimilarityClient(SimilarityClientOptions options, ClusterConnection connection)
    {
        _options = options;
        _connection = connection;
    }

    /// <summary>Connects to the cluster behind <see cref="SimilarityClientOptions.Broker"/>.</summary>
    public static async Task<SimilarityClient> ConnectAsync(SimilarityClientOptions options, CancellationToken cancellationToken = default)
    {
        if (options.Broker is null)
        {
            throw new ArgumentException("SimilarityClientOptions.Broker is required to connect to a cluster.", nameof(options));
        }

        var client = new SimilarityClient(Microsoft.Extensions.Options.Options.Create(options));
        await client.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        return client;
    }

    /// <summary>Starts an in-process cluster (one silo, in-memory fabric) serving <see cref="SimilarityClientOptions.EmbeddedModels"/>.</summary>
    public static async Task<SimilarityClient> StartEmbeddedAsync(SimilarityClientOptions options, IModelLoader loader, CancellationToken cancellationToken = default)
    {
        var client = new SimilarityClient(Microsoft.Extensions.Options.Options.Create(options), loader);
        await client.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        return client;
    }

    /// <summary>A client of an existing <see cref="LocalCluster"/> (tests, benchmarks); disposing it leaves the cluster running.</summary>
    public static SimilarityClient ForCluster(LocalCluster cluster, SimilarityClientOptions? options = null)
    {
        options ??= new SimilarityClientOptions();
        var grains = new GrainFactory(cluster.ClientFabric, CallOptionsOf(options));
        return new SimilarityClient(
            options,
            new ClusterConnection(grains, cluster.Membership, cluster.ClusterId, cluster.LivenessTimeout, () => ValueTask.CompletedTask));
    }

    public SimilarityClientOptions Options => _options;

    /// <summary>Embeddings of <paramref name="texts"/>, one row each, in input order.</summary>
    public async Task<EmbeddingMatrix> EncodeAsync(IReadOnlyList<string> texts, string? model = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var name = ModelOrDefault(model);
        var connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var embeddings = await connection.Grains.GetEncoder(name, _options.Device).EncodeAsync(texts, cancellationToken).ConfigureAwait(false);
        _dimensions[name] = embeddings.Columns;
        return embeddings;
    }

    /// <summary>Cross-encoder scores of <paramref name="pairs"/>: one row of label probabilities per pair, in input order.</summary>
    public async Task<EmbeddingMatrix> PredictAsync(IReadOnlyList<TextPair> pairs, string? model = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.Grains.GetCrossEncoder(ModelOrDefault(model), _options.Device).PredictAsync(pairs, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The bi-encoder <paramref name="model"/> as an <see cref="ISentenceEncoder"/> whose calls go through the cluster. Asks
    /// the cluster once (an empty request) for its dimension: a model no silo serves fails here with
    /// <c>ModelNotServedException</c>, a cross-encoder with <c>UnsupportedOperationException</c>.
    /// </summary>
    public async Task<ISentenceEncoder> GetSentenceEncoderAsync(string? model = null, CancellationToken cancellationToken = default)
    {
        var name = ModelOrDefault(model);
        var probe = await EncodeAsync([], name, cancellationToken).ConfigureAwait(false);
        return new ServedSentenceEncoder(this, name, probe.Columns);
    }

    /// <summary>The cross-encoder <paramref name="model"/> as an <see cref="IPairClassifier"/> whose calls go through the cluster (probed like <see cref="GetSentenceEncoderAsync"/>).</summary>
    public async Task<IPairClassifier> GetPairClassifierAsync(string? model = null, CancellationToken cancellationToken = default)
    {
        var name = ModelOrDefault(model);
        var probe = await PredictAsync([], name, cancellationToken).ConfigureAwait(false);
        return new ServedPairClassifier(this, name, probe.Columns);
    }

    /// <summary>The live silos of the cluster, their roles, models and load.</summary>
    public async Task<ClusterStatus> GetClusterStatusAsync(CancellationToken cancellationToken = default)
    {
        var connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var membership = connection.Membership
            ?? throw new InvalidOperationException("cluster status needs the cluster's PostgreSQL connection string (SimilarityClientOptions.Postgres)");
        return await membership.ReadLiveAsync(connection.ClusterId, connection.LivenessTimeout, cancellationToken).ConfigureAwait(false);
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values as IReadOnlyList<string> ?? values.ToArray();
        var model = ModelOrDefault(options?.ModelId);
        var matrix = await EncodeAsync(texts, model, cancellationToken).ConfigureAwait(false);
        if (options?.Dimensions is { } dimensions)
        {
            matrix = EmbeddingTruncation.TruncateAndNormalize(matrix, dimensions);
        }

        var created = DateTimeOffset.UtcNow;
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(matrix.Rows);
        if (matrix.TokenCount is { } count)
        {
            embeddings.Usage = new UsageDetails { InputTokenCount = count, TotalTokenCount = count };
        }

        for (var i = 0; i < matrix.Rows; i++)
        {
            embeddings.Add(new Embedding<float>(new ReadOnlyMemory<float>(matrix.Buffer, i * matrix.Columns, matrix.Columns))
            {
                ModelId = model,
                CreatedAt = created,
            });
        }

        return embeddings;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(EmbeddingGeneratorMetadata))
        {
            int? dimensions = _options.DefaultModel is { } model && _dimensions.TryGetValue(model, out var known) ? known : null;
            return new EmbeddingGeneratorMetadata("similarity", PublicBrokerUri(), _options.DefaultModel, dimensions);
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_connection is { } connection)
        {
            await connection.ReleaseAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private string ModelOrDefault(string? model) =>
        model ?? _options.DefaultModel ?? throw new ArgumentException("no model given and SimilarityClientOptions.DefaultModel is not set", nameof(model));

    private async Task<ClusterConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_connection is { } existing)
        {
            return existing;
        }

        await _connectGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _connection ??= _options.Broker is null
                ? await StartEmbeddedClusterAsync(cancellationToken).ConfigureAwait(false)
                : ConnectToCluster();
        }
        finally
        {
            _connectGate.Release();
        }
    }

    private ClusterConnection ConnectToCluster()
    {
        var fabric = new RabbitMqFabric(new RabbitMqFabricOptions
        {
            Broker = _options.Broker!,
            ClusterId = _options.ClusterId,
            ConnectionName = $"similarity-client-{Environment.ProcessId}",
        });
        var membership = _options.Postgres is null ? null : new PostgresMembershipTable(_options.Postgres);
        return new ClusterConnection(
            new GrainFactory(fabric, CallOptionsOf(_options)),
            membership,
            _options.ClusterId,
            // The client cannot see the silos' heartbeat setting; it judges liveness as silos with the default do.
            new SiloOptions().LivenessTimeout,
            async () =>
            {
                await fabric.DisposeAsync().ConfigureAwait(false);
                if (membership is not null)
                {
                    await membership.DisposeAsync().ConfigureAwait(false);
                }
            });
    }

    private async Task<ClusterConnection> StartEmbeddedClusterAsync(CancellationToken cancellationToken)
    {
        var loader = _embeddedLoader ?? new ModelFolderLoader();
        var cluster = await LocalCluster.StartAsync(
            new LocalClusterOptions
            {
                ModelLoader = loader,
                Models = new Dictionary<string, string>(_options.EmbeddedModels, StringComparer.Ordinal),
                InitialSilos = 1,
                ClusterId = "embedded",
                ClientOptions = CallOptionsOf(_options),
                LogLevel = _options.EmbeddedLogLevel,
                ConfigureSilo = (_, silo) =>
                {
                    silo.Device = _options.Device.Name();
                    _options.ConfigureEmbeddedSilo?.Invoke(silo);
                },
            },
            cancellationToken).ConfigureAwait(false);
        return new ClusterConnection(cluster.Client, cluster.Membership, cluster.ClusterId, cluster.LivenessTimeout, cluster.DisposeAsync);
    }

    private Uri? PublicBrokerUri() =>
        _options.Broker is { } broker ? new UriBuilder(broker) { UserName = string.Empty, Password = string.Empty }.Uri : null;

    private static GrainCallOptions CallOptionsOf(SimilarityClientOptions options) => new()
    {
        Timeout = options.Timeout,
        MaxItemsPerRequest = options.MaxTextsPerRequest,
        MaxConcurrentRequests = options.MaxConcurrentRequests,
    };

    private static void Validate(SimilarityClientOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTextsPerRequest, 1, nameof(options.MaxTextsPerRequest));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentRequests, 1, nameof(options.MaxConcurrentRequests));
        if (options.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Timeout, "SimilarityClientOptions.Timeout must be positive.");
        }

        if (options.Broker is { Scheme: not ("amqp" or "amqps") })
        {
            throw new ArgumentException($"SimilarityClientOptions.Broker must be an amqp:// or amqps:// URI, got '{options.Broker.Scheme}://...'.", nameof(options));
        }
    }
}
