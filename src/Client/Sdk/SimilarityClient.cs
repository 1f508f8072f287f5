using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using Similarity.Client.Calls;
using Similarity.Client.Corpora;
using Similarity.Client.Corpora.Operations;
using Similarity.Client.Evaluation;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Cluster;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Values;

namespace Similarity.Client;

/// <summary>
/// The .NET client of a similarity cluster: encode and predict (cross-encoder) calls split into requests spread over
/// the silos and retried when a silo is lost, the cluster's silos, and <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>
/// for Microsoft.Extensions.AI. Works over any Orleans grain factory: a cluster client (<see cref="ConnectAsync"/>, or
/// <c>AddSimilarityClient</c> in a host) or a silo in the same process. Thread-safe.
/// </summary>
public sealed class SimilarityClient : IEmbeddingGenerator<string, Embedding<float>>, IAsyncDisposable
{
    private readonly IGrainFactory _grains;
    private readonly ChunkedGrainCall _calls;
    private readonly IAsyncDisposable? _owned;
    private readonly ConcurrentDictionary<string, int> _dimensions = new(StringComparer.Ordinal);
    private CorpusClient? _corpora;
    private bool _disposed;

    /// <summary>A client over <paramref name="grains"/>; disposing it disposes <paramref name="owned"/> (the connection it was made with), if any.</summary>
    public SimilarityClient(IGrainFactory grains, SimilarityClientOptions options, IAsyncDisposable? owned = null)
        : this(grains, options, null, owned)
    {
    }

    internal SimilarityClient(IGrainFactory grains, SimilarityClientOptions options, GatewayLossSignal? gatewayLoss, IAsyncDisposable? owned)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _grains = grains;
        Options = options;
        _owned = owned;
        Func<CancellationToken>? attemptScope = gatewayLoss is null ? null : () => gatewayLoss.Current;
        _calls = new ChunkedGrainCall(options.MaxTextsPerRequest, options.MaxConcurrentRequests, RetryPolicy.Default, attemptScope);
        Evaluations = new EvaluationJobs(grains, attemptScope);
    }

    public SimilarityClientOptions Options { get; }

    /// <summary>Evaluation jobs: submit a suite, follow a job, fetch its report.</summary>
    public EvaluationJobs Evaluations { get; }

    /// <summary>
    /// The cluster's corpora. Adds publish on the ingest streams, so they need a client made by <see cref="ConnectAsync"/>,
    /// <c>AddSimilarityClient</c>, or over a silo's <see cref="IClusterClient"/>; the other calls work over any grain factory.
    /// </summary>
    public CorpusClient Corpora => _corpora ??= new CorpusClient(
        _grains, (_grains as IClusterClient)?.ServiceProvider.GetKeyedService<IStreamProvider>(CorpusStreams.Provider), Options);

    /// <summary>Search, mining and community detection over stored corpora, run on the silos next to the shards.</summary>
    public CorpusOperations CorpusOperations => new(_grains);

    /// <summary>Connects to the cluster behind <see cref="SimilarityClientOptions.Cluster"/>; the client owns the connection.</summary>
    public static Task<SimilarityClient> ConnectAsync(SimilarityClientOptions options, CancellationToken cancellationToken = default) =>
        ClusterConnection.OpenAsync(options, cancellationToken);

    /// <summary>Embeddings of <paramref name="texts"/>, one row each, in input order.</summary>
    public async Task<FloatMatrix> EncodeAsync(IReadOnlyList<string> texts, string? model = null, int? dimensions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var key = Key(model);
        var embeddings = await _calls.RunAsync(
            texts,
            key.Model,
            (lane, chunk, token) => _grains.GetGrain<IEncoderGrain>(key.OnLane(lane).ToString()).EncodeAsync(chunk, dimensions, token),
            cancellationToken).ConfigureAwait(false);
        if (dimensions is null)
        {
            _dimensions[key.Model] = embeddings.Columns;
        }

        return embeddings;
    }

    /// <summary>Cross-encoder scores of <paramref name="pairs"/>: one row of label probabilities per pair, in input order.</summary>
    public Task<FloatMatrix> PredictAsync(IReadOnlyList<SentencePair> pairs, string? model = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var key = Key(model);
        return _calls.RunAsync(
            pairs,
            key.Model,
            (lane, chunk, token) => _grains.GetGrain<ICrossEncoderGrain>(key.OnLane(lane).ToString()).PredictAsync(chunk, token),
            cancellationToken);
    }

    /// <summary>The silos of the cluster: address, status, device class, models, HTTP endpoint.</summary>
    public Task<SiloDescription[]> ListSilosAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return RetryPolicy.Default.RunAsync(_ => _grains.GetGrain<ISiloDirectoryGrain>(0).ListSilosAsync(), cancellationToken);
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values as IReadOnlyList<string> ?? values.ToArray();
        var model = ModelOrDefault(options?.ModelId);
        var matrix = await EncodeAsync(texts, model, options?.Dimensions, cancellationToken).ConfigureAwait(false);
        var created = DateTimeOffset.UtcNow;
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(matrix.Rows);
        if (matrix.TokenCount is { } count)
        {
            embeddings.Usage = new UsageDetails { InputTokenCount = count, TotalTokenCount = count };
        }

        for (var i = 0; i < matrix.Rows; i++)
        {
            embeddings.Add(new Embedding<float>(new ReadOnlyMemory<float>(matrix.Values, i * matrix.Columns, matrix.Columns))
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
            int? dimensions = Options.DefaultModel is { } model && _dimensions.TryGetValue(model, out var known) ? known : null;
            return new EmbeddingGeneratorMetadata("similarity", null, Options.DefaultModel, dimensions);
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
        if (_owned is not null)
        {
            await _owned.DisposeAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private ModelKey Key(string? model) => new(ModelOrDefault(model), Options.Device);

    private string ModelOrDefault(string? model) =>
        model ?? Options.DefaultModel ?? throw new ArgumentException("no model given and SimilarityClientOptions.DefaultModel is not set", nameof(model));
}
