using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Similarity.Client;
using Similarity.Client.Corpora;
using Similarity.Grains.Contracts;
using Similarity.Inference.Models.Folders;
using Similarity.Silo.Hosting;
using Similarity.Silo.Models;

namespace Similarity.Cli.Commands.Corpus;

/// <summary>
/// Where a corpus command's corpora live: a cluster (<c>--cluster</c>), or a silo embedded in this process, whose
/// corpora are gone when the command ends. Both are reached through <see cref="SimilarityClient.Corpora"/>; with a
/// model folder the embedded silo also serves it, under the folder's name.
/// </summary>
internal sealed class CorpusSession : IAsyncDisposable
{
    /// <summary>In process, requests only queue behind this process's own work: as <c>simctl encode</c>, keep more in flight.</summary>
    private const int EmbeddedConcurrentRequests = 64;

    private readonly SimilarityClient _client;
    private readonly EmbeddedSilo? _silo;

    private CorpusSession(SimilarityClient client, EmbeddedSilo? silo, string? model)
    {
        _client = client;
        _silo = silo;
        Model = model;
    }

    public CorpusClient Corpora => _client.Corpora;

    /// <summary>The client behind the session: encoding queries, and search, mining and communities over corpora.</summary>
    public SimilarityClient Client => _client;

    /// <summary>The name the model is served under: a cluster's model name, or the embedded folder's name.</summary>
    public string? Model { get; }

    /// <summary>True for a silo in this process: corpora live as long as the command.</summary>
    public bool IsEmbedded => _silo is not null;

    /// <summary>Connects to <paramref name="cluster"/>, or starts an embedded silo serving <paramref name="model"/> (a folder; none for commands without a model).</summary>
    public static async Task<CorpusSession> OpenAsync(string? cluster, string clusterId, string? model, DeviceClass device, CancellationToken cancellationToken)
    {
        if (cluster is not null)
        {
            ClusterOptions.Check(cluster);
            try
            {
                var client = await SimilarityClient.ConnectAsync(
                    new SimilarityClientOptions { Cluster = cluster, ClusterId = clusterId, Device = device }, cancellationToken);
                return new CorpusSession(client, null, model);
            }
            catch (ClusterUnavailableException e)
            {
                throw new CliException(e.Message, e);
            }
        }

        var name = model is null ? null : EmbeddedName(model);
        var options = new SiloOptions { SiloPort = 0, GatewayPort = 0, Device = device.Name() };
        if (model is not null)
        {
            options.Models[name!] = model;
        }

        EmbeddedSilo silo;
        try
        {
            silo = await EmbeddedSilo.StartAsync(options, new ModelFolderLoader(), LogLevel.None, cancellationToken);
        }
        catch (ModelLoadException e) when (e.InnerException is { } cause)
        {
            throw new CliException(cause.Message, cause);
        }

        var embedded = new SimilarityClient(silo.Services.GetRequiredService<IClusterClient>(), new SimilarityClientOptions { Device = device, Timeout = TimeSpan.FromHours(1), MaxConcurrentRequests = EmbeddedConcurrentRequests });
        return new CorpusSession(embedded, silo, name);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }

    /// <summary>The folder's name when it is a valid model name (<c>bert-mean</c>), else <c>model</c>.</summary>
    private static string EmbeddedName(string folder)
    {
        var name = ModelFolder.DisplayName(folder);
        return ModelNames.IsValid(name) ? name : "model";
    }
}
