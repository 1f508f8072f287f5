using Microsoft.Extensions.Logging;
using Similarity.Client;
using Similarity.Grains.Contracts;
using Similarity.Inference.Models.Folders;
using Similarity.Inference.Models.Loading;
using Similarity.Silo.Hosting;
using Similarity.Silo.Models;

namespace Similarity.Cli.Commands.Models;

/// <summary>
/// Where a command's model runs and how it is reached: a silo embedded in this process that serves the folder, or the
/// silos of a cluster; the <see cref="SimilarityClient"/> to call them through, the name the silos serve the model
/// under, and the name reports give it. Commands never branch on where the model is.
/// </summary>
internal sealed class ModelConnection : IAsyncDisposable
{
    /// <summary>The name the embedded silo serves a folder under (folder names need not be valid model names).</summary>
    private const string EmbeddedName = "model";

    /// <summary>
    /// In process a request only queues behind this process's own work, so a call keeps more requests in flight: the
    /// batcher sorts a deeper queue by length and pads less.
    /// </summary>
    private const int EmbeddedConcurrentRequests = 64;

    private readonly IAsyncDisposable? _silo;

    private ModelConnection(SimilarityClient client, IAsyncDisposable? silo, string servedName, string displayName)
    {
        Client = client;
        _silo = silo;
        ServedName = servedName;
        DisplayName = displayName;
    }

    public SimilarityClient Client { get; }

    /// <summary>The name the silos serve the model under: what grain calls and jobs name.</summary>
    public string ServedName { get; }

    /// <summary>How reports name the model: the folder's last segment, or the name the cluster serves it under.</summary>
    public string DisplayName { get; }

    /// <summary>True when the model runs on a silo inside this process, which ends with the command.</summary>
    public bool IsEmbedded => _silo is not null;

    /// <summary>
    /// Starts an embedded silo serving <paramref name="request"/>'s folder (a folder that is not a model, or of the other
    /// kind than <paramref name="expected"/>, is refused before it loads), or connects to its cluster. Every failure a user can fix
    /// is an exception with a one-line message.
    /// </summary>
    public static Task<ModelConnection> OpenAsync(ModelRequest request, ModelFolderKind? expected, CancellationToken cancellationToken) =>
        request.Cluster is null ? StartEmbeddedAsync(request, expected, cancellationToken) : ConnectAsync(request, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }

    private static async Task<ModelConnection> StartEmbeddedAsync(ModelRequest request, ModelFolderKind? expected, CancellationToken cancellationToken)
    {
        var folder = request.Model;
        ModelLoader.DetectKind(folder, expected);
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
        return new ModelConnection(client, silo, EmbeddedName, ModelFolder.DisplayName(folder));
    }

    private static async Task<ModelConnection> ConnectAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var client = await SimilarityClient.ConnectAsync(
                new SimilarityClientOptions { Cluster = request.Cluster, ClusterId = request.ClusterId, Device = request.Device, Timeout = request.ReplyTimeout },
                cancellationToken);
            return new ModelConnection(client, null, request.Model, request.Model);
        }
        catch (ClusterUnavailableException e)
        {
            throw new CliException(e.Message, e);
        }
    }
}
