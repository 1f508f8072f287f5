using Microsoft.Extensions.Logging;
using Similarity.Client;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Errors;
using Similarity.Inference.Models;
using Similarity.Inference.Models.Folders;
using Similarity.Inference.Models.Loading;
using Similarity.Silo.Hosting;
using Similarity.Silo.Models;

namespace Similarity.Cli.Commands.Models;

/// <summary>
/// The model a command runs, as an <see cref="ISentenceEncoder"/> or <see cref="IPairClassifier"/>, wherever it runs.
/// Both ways go through <see cref="SimilarityClient"/> and the model's grains: with <c>--cluster</c> to the cluster's
/// silos, without it to a silo embedded in this process that loads the folder. Commands never branch on where the
/// model is; only errors and the name differ.
/// </summary>
internal sealed class ModelSource : IAsyncDisposable
{
    /// <summary>The name the embedded silo serves a folder under (folder names need not be valid model names).</summary>
    private const string EmbeddedName = "model";

    /// <summary>
    /// In process a request only queues behind this process's own work, so a call keeps more requests in flight: the
    /// batcher sorts a deeper queue by length and pads less.
    /// </summary>
    private const int EmbeddedConcurrentRequests = 64;

    private readonly SimilarityClient _client;
    private readonly IAsyncDisposable? _silo;
    private readonly ISentenceEncoder? _encoder;
    private readonly IPairClassifier? _classifier;

    private ModelSource(SimilarityClient client, IAsyncDisposable? silo, string name, ISentenceEncoder? encoder, IPairClassifier? classifier)
    {
        _client = client;
        _silo = silo;
        Name = name;
        _encoder = encoder;
        _classifier = classifier;
    }

    /// <summary>How reports name the model: the folder's last segment, or the name the cluster serves it under.</summary>
    public string Name { get; }

    public ModelFolderKind Kind => _encoder is not null ? ModelFolderKind.SentenceTransformer : ModelFolderKind.CrossEncoder;

    public ISentenceEncoder Encoder => _encoder ?? throw new InvalidOperationException($"{Name} is a cross-encoder");

    public IPairClassifier Classifier => _classifier ?? throw new InvalidOperationException($"{Name} is a bi-encoder");

    /// <summary>
    /// Opens <paramref name="request"/>'s model; with <paramref name="expected"/>, a model of the other kind is refused
    /// before any text is sent. Every failure a user can fix is an exception with a one-line message.
    /// </summary>
    public static async Task<ModelSource> OpenAsync(ModelRequest request, ModelFolderKind? expected, CancellationToken cancellationToken)
    {
        return request.Cluster is null
            ? await OpenEmbeddedAsync(request, expected, cancellationToken)
            : await OpenServedAsync(request, expected, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }

    private static async Task<ModelSource> OpenEmbeddedAsync(ModelRequest request, ModelFolderKind? expected, CancellationToken cancellationToken)
    {
        var folder = request.Model;
        var kind = ModelLoader.DetectKind(folder, expected);
        var options = new SiloOptions
        {
            SiloPort = 0,
            GatewayPort = 0,
            Device = request.Device.Name(),
            Models = { [EmbeddedName] = folder },
            BatchTokens = request.Batching.BatchTokens,
            MaxBatch = request.Batching.MaxBatchSize,
            Threads = request.Batching.IntraOpThreads,
        };

        EmbeddedSilo silo;
        try
        {
            silo = await EmbeddedSilo.StartAsync(options, new ModelFolderLoader(), LogLevel.None, cancellationToken);
        }
        catch (ModelLoadException e) when (e.InnerException is { } cause)
        {
            // The silo names the model binding and device; in process the model's own message is the whole story.
            throw new CliException(cause.Message, cause);
        }

        var client = new SimilarityClient(silo.Grains, new SimilarityClientOptions
        {
            Device = request.Device,
            Timeout = request.ReplyTimeout,
            MaxConcurrentRequests = EmbeddedConcurrentRequests,
        });
        try
        {
            return await ProbeAsync(client, silo, EmbeddedName, ModelFolder.DisplayName(folder), kind, cancellationToken);
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    private static async Task<ModelSource> OpenServedAsync(ModelRequest request, ModelFolderKind? expected, CancellationToken cancellationToken)
    {
        SimilarityClient client;
        try
        {
            client = await SimilarityClient.ConnectAsync(
                new SimilarityClientOptions { Cluster = request.Cluster, ClusterId = request.ClusterId, Device = request.Device, Timeout = request.ReplyTimeout },
                cancellationToken);
        }
        catch (ClusterUnavailableException e)
        {
            throw new CliException(e.Message, e);
        }

        try
        {
            return await ProbeAsync(client, null, request.Model, request.Model, expected, cancellationToken);
        }
        catch (ModelNotServedException e)
        {
            await client.DisposeAsync();
            throw new CliException($"{e.Message} in cluster '{request.ClusterId}'", e);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Asks the model's silos what it is (an empty request returns its width), trying the expected kind first.</summary>
    private static async Task<ModelSource> ProbeAsync(
        SimilarityClient client, IAsyncDisposable? silo, string model, string name, ModelFolderKind? kind, CancellationToken cancellationToken)
    {
        if (kind != ModelFolderKind.CrossEncoder)
        {
            try
            {
                var width = await client.EncodeAsync([], model, cancellationToken: cancellationToken);
                return new ModelSource(client, silo, name, new ServedSentenceEncoder(client, model, width.Columns), null);
            }
            catch (UnsupportedOperationException) when (kind is null)
            {
                // A cross-encoder asked for by name alone (eval): try the other kind.
            }
        }

        var labels = await client.PredictAsync([], model, cancellationToken);
        return new ModelSource(client, silo, name, null, new ServedPairClassifier(client, model, labels.Columns));
    }
}
