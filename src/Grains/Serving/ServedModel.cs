using Similarity.Inference.Batching;
using Similarity.Inference.Models;

namespace Similarity.Grains.Serving;

/// <summary>
/// A model a silo serves under a name: a bi-encoder, a cross-encoder, or (rarely) both, and its batcher's statistics
/// when it has one. Disposing releases the runtime: <c>owner</c> when given, else the encoder and classifier themselves.
/// </summary>
public sealed class ServedModel : IAsyncDisposable
{
    private readonly IDisposable? _owner;
    private readonly Func<BatchingStatistics>? _statistics;

    public ServedModel(string name, ISentenceEncoder? encoder, IPairClassifier? classifier, IDisposable? owner = null, Func<BatchingStatistics>? statistics = null)
    {
        if (encoder is null && classifier is null)
        {
            throw new ArgumentException($"Model '{name}' has neither an encoder nor a pair classifier.");
        }

        Name = name;
        Encoder = encoder;
        Classifier = classifier;
        _owner = owner;
        _statistics = statistics;
    }

    public string Name { get; }

    public ISentenceEncoder? Encoder { get; }

    public IPairClassifier? Classifier { get; }

    /// <summary>What the model's batcher has done so far (for <c>/metrics</c>); null for a model without one.</summary>
    public BatchingStatistics? Statistics => _statistics?.Invoke();

    public async ValueTask DisposeAsync()
    {
        if (_owner is not null)
        {
            _owner.Dispose();
            return;
        }

        await DisposeRuntimeAsync(Encoder).ConfigureAwait(false);
        if (!ReferenceEquals(Encoder, Classifier))
        {
            await DisposeRuntimeAsync(Classifier).ConfigureAwait(false);
        }
    }

    private static async ValueTask DisposeRuntimeAsync(object? runtime)
    {
        switch (runtime)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
