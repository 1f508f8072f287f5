using Similarity.Grains.Contracts.Errors;
using Similarity.Inference.Models;
using Similarity.Inference.Models.Folders;

namespace Similarity.Cli.Commands.Models;

/// <summary>
/// The model a command runs, as an <see cref="ISentenceEncoder"/> or <see cref="IPairClassifier"/>, wherever it runs
/// (<see cref="ModelConnection"/>): calls go through the SDK to the model's grains, on a silo in this process or on the
/// cluster's silos. Commands never branch on where the model is; only errors and the name differ.
/// </summary>
internal sealed class ModelSource : IAsyncDisposable
{
    private readonly ModelConnection _connection;
    private readonly ISentenceEncoder? _encoder;
    private readonly IPairClassifier? _classifier;

    private ModelSource(ModelConnection connection, ISentenceEncoder? encoder, IPairClassifier? classifier)
    {
        _connection = connection;
        _encoder = encoder;
        _classifier = classifier;
    }

    /// <summary>How reports name the model: the folder's last segment, or the name the cluster serves it under.</summary>
    public string Name => _connection.DisplayName;

    public ISentenceEncoder Encoder => _encoder ?? throw new InvalidOperationException($"{Name} is a cross-encoder");

    public IPairClassifier Classifier => _classifier ?? throw new InvalidOperationException($"{Name} is a bi-encoder");

    /// <summary>
    /// Opens <paramref name="request"/>'s model, which must be of the <paramref name="expected"/> kind: a model of the
    /// other kind is refused before any text is sent. Every failure a user can fix is an exception with a one-line message.
    /// </summary>
    public static async Task<ModelSource> OpenAsync(ModelRequest request, ModelFolderKind expected, CancellationToken cancellationToken)
    {
        var connection = await ModelConnection.OpenAsync(request, expected, cancellationToken);
        try
        {
            return await ProbeAsync(connection, expected, cancellationToken);
        }
        catch (ModelNotServedException e)
        {
            await connection.DisposeAsync();
            throw new CliException($"{e.Message} in cluster '{request.ClusterId}'", e);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    /// <summary>Asks the model's silos for its width with an empty request (a model of the other kind refuses it, naming itself).</summary>
    private static async Task<ModelSource> ProbeAsync(ModelConnection connection, ModelFolderKind kind, CancellationToken cancellationToken)
    {
        var client = connection.Client;
        var model = connection.ServedName;
        if (kind == ModelFolderKind.SentenceTransformer)
        {
            var width = await client.EncodeAsync([], model, cancellationToken: cancellationToken);
            return new ModelSource(connection, new ServedSentenceEncoder(client, model, width.Columns), null);
        }

        var labels = await client.PredictAsync([], model, cancellationToken);
        return new ModelSource(connection, null, new ServedPairClassifier(client, model, labels.Columns));
    }
}
