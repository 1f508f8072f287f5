using Similarity.Inference.Models;

namespace Similarity.Silo.Models;

/// <summary>A model ready to serve: a bi-encoder, a cross-encoder, or (rarely) both. Disposing releases the runtime.</summary>
public sealed class LoadedModel : IAsyncDisposable
{
    public LoadedModel(string name, ISentenceEncoder? encoder, IPairClassifier? classifier)
    {
        if (encoder is null && classifier is null)
        {
            throw new ArgumentException($"Model '{name}' has neither an encoder nor a pair classifier.");
        }

        Name = name;
        Encoder = encoder;
        Classifier = classifier;
    }

    public string Name { get; }

    public ISentenceEncoder? Encoder { get; }

    public IPairClassifier? Classifier { get; }

    /// <summary>Roles for membership: <c>encoder</c> and/or <c>cross-encoder</c>.</summary>
    public IEnumerable<string> Roles
    {
        get
        {
            if (Encoder is not null)
            {
                yield return "encoder";
            }

            if (Classifier is not null)
            {
                yield return "cross-encoder";
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
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
