using System.Collections.Frozen;
using Orleans.Runtime;
using Similarity.Grains.Contracts.Errors;

namespace Similarity.Grains.Serving;

/// <summary>
/// The models this silo serves, by name: every encoder and cross-encoder grain activation on the silo takes its model
/// from here, so all of them feed the model's one batcher. Filled once at start-up, before the silo joins the cluster.
/// </summary>
public sealed class ServedModels : IAsyncDisposable
{
    private FrozenDictionary<string, ServedModel> _models = FrozenDictionary<string, ServedModel>.Empty;
    private volatile bool _stopped;

    public IReadOnlyCollection<ServedModel> All => _models.Values;

    public IEnumerable<string> Names => _models.Keys.Order(StringComparer.Ordinal);

    /// <summary>True once <see cref="Publish"/> ran: every model is loaded.</summary>
    public bool IsLoaded { get; private set; }

    /// <summary>Makes <paramref name="models"/> the silo's models; called once, when all have loaded.</summary>
    public void Publish(IEnumerable<ServedModel> models)
    {
        if (IsLoaded)
        {
            throw new InvalidOperationException("The served models are published once, at start-up.");
        }

        _models = models.ToFrozenDictionary(m => m.Name, StringComparer.Ordinal);
        IsLoaded = true;
    }

    /// <summary>
    /// The model served as <paramref name="name"/>; a name this silo does not serve is a <see cref="ModelNotServedException"/>.
    /// Once the silo is stopping, a <see cref="SiloUnavailableException"/>: callers retry elsewhere, as for a lost silo.
    /// </summary>
    public ServedModel Get(string name)
    {
        if (_stopped)
        {
            throw new SiloUnavailableException($"this silo is stopping: the model '{name}' is no longer served here");
        }

        return _models.TryGetValue(name, out var model)
            ? model
            : throw new ModelNotServedException($"this silo does not serve the model '{name}'", "model");
    }

    public async ValueTask DisposeAsync()
    {
        _stopped = true;
        foreach (var model in _models.Values)
        {
            await model.DisposeAsync().ConfigureAwait(false);
        }

        _models = FrozenDictionary<string, ServedModel>.Empty;
    }
}
