using Microsoft.Extensions.Logging;
using Similarity.Client;
using Similarity.Grains.Contracts.Errors;
using Similarity.Inference.Models;
using Similarity.Inference.Models.Folders;
using Similarity.Inference.Models.Loading;
using Similarity.Silo.Hosting;
using Similarity.Silo.Models;

namespace Similarity.Cli.Commands.Models;

/// <summary>
/// The model a command runs, as an <see cref="ISentenceEncoder"/> or <see cref="IPairClassifier"/>, whichever side of
/// the fabric it lives on. Both ways go through <see cref="SimilarityClient"/>: with <c>--cluster</c> to the silos behind
/// the broker, without it to an embedded one-silo cluster on the in-memory fabric that loads the folder. Commands never
/// branch on where the model is; only errors and the name differ.
/// </summary>
internal sealed class ModelSource : IAsyncDisposable
{
    /// <summary>The name the embedded silo serves a folder under (folder names need not be valid model names).</summary>
    private const string EmbeddedName = "model";

    private readonly SimilarityClient _client;
    private readonly ISentenceEncoder? _encoder;
    private readonly IPairClassifier? _classifier;

    private ModelSource(SimilarityClient client, string name, ISentenceEncoder? encoder, IPairClassifier? classifier)
    {
        _client = client;
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

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private static async Task<ModelSource> OpenEmbeddedAsync(ModelRequest request, ModelFolderKind? expected, CancellationToken cancellationToken)
    {
        var folder = request.Model;
        var kind = ModelLoader.DetectKind(folder, expected);

        var options = new SimilarityClientOptions
        {
            Device = request.Device,
            EmbeddedModels = { [EmbeddedName] = folder },
            EmbeddedLogLevel = LogLevel.None,
            Timeout = request.ReplyTimeout,
            ConfigureEmbeddedSilo = silo => Apply(request.Batching, silo),
        };
        SimilarityClient client;
        try
        {
            client = await SimilarityClient.StartEmbeddedAsync(options, new ModelFolderLoader(), cancellationToken);
        }
        catch (ModelLoadException e) when (e.InnerException is { } cause)
        {
            // The silo names itself and its device; in process the model's own message is the whole story.
            throw new CliException(cause.Message, cause);
        }

        try
        {
            return await ProbeAsync(client, EmbeddedName, ModelFolder.DisplayName(folder), kind, cancellationToken);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    private static async Task<ModelSource> OpenServedAsync(ModelRequest request, ModelFolderKind? expected, CancellationToken cancellationToken)
    {
        var client = await SimilarityClient.ConnectAsync(
            new SimilarityClientOptions { Broker = request.Cluster, ClusterId = request.ClusterId!, Device = request.Device, Timeout = request.ReplyTimeout },
            cancellationToken);
        try
        {
            return await ProbeAsync(client, request.Model, request.Model, expected, cancellationToken);
        }
        catch (ModelNotServedException e)
        {
            await client.DisposeAsync();
            var broker = SiloOptionsValidator.Redact(request.Cluster!.ToString());
            throw new CliException($"{e.Message} in cluster '{request.ClusterId}' at {broker}", e);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Asks the model's silos what it is (an empty request returns its width), trying the expected kind first.</summary>
    private static async Task<ModelSource> ProbeAsync(SimilarityClient client, string model, string name, ModelFolderKind? kind, CancellationToken cancellationToken)
    {
        if (kind != ModelFolderKind.CrossEncoder)
        {
            try
            {
                return new ModelSource(client, name, await client.GetSentenceEncoderAsync(model, cancellationToken), null);
            }
            catch (UnsupportedOperationException) when (kind is null)
            {
                // A cross-encoder asked for by name alone (eval): try the other kind.
            }
        }

        return new ModelSource(client, name, null, await client.GetPairClassifierAsync(model, cancellationToken));
    }

    /// <summary>The batching settings a command line can give (<see cref="ModelArguments"/>); the silo keeps its defaults for the rest.</summary>
    private static void Apply(Inference.Batching.BatchingOptions batching, SiloOptions silo)
    {
        silo.BatchTokens = batching.BatchTokens;
        silo.MaxBatch = batching.MaxBatchSize;
        silo.Threads = batching.IntraOpThreads;
    }
}
