using Similarity.Client.Corpora;
using Similarity.Grains.Contracts.Corpora;

namespace Similarity.Cli.Commands.Corpus;

/// <summary>
/// The corpus a one-shot command (<c>search</c>, <c>mine</c>, <c>cluster</c> with <c>--cluster</c>) loads its rows into so
/// the work runs on the silos: named <c>tmp-COMMAND-GUID</c> so a leftover is recognisable, filled through the same add
/// as <c>corpus add</c>, and deleted when the command ends, also when it fails or is cancelled (best effort: a delete that
/// fails is reported on stderr with the command that removes it).
/// </summary>
internal sealed class TemporaryCorpus : IAsyncDisposable
{
    /// <summary>What every temporary corpus's name starts with.</summary>
    public const string Prefix = "tmp-";

    /// <summary>The model a corpus of precomputed embeddings is created for: no silo serves it, so the first add fixes the width.</summary>
    public const string EmbeddingsModel = "precomputed-embeddings";

    /// <summary>How long the delete may take once the command's own token is cancelled.</summary>
    private static readonly TimeSpan DeleteTimeout = TimeSpan.FromSeconds(30);

    private readonly CorpusSession _session;

    private TemporaryCorpus(CorpusSession session, string name)
    {
        _session = session;
        Name = name;
    }

    public string Name { get; }

    /// <summary>
    /// Creates a corpus of <paramref name="shards"/> shards (default: one per active silo) for <paramref name="model"/>'s
    /// embeddings and adds <paramref name="source"/>'s rows to it (the add disposes a disposable source); if anything fails the corpus is deleted again.
    /// </summary>
    public static async Task<TemporaryCorpus> LoadAsync(
        CorpusSession session, string command, string model, int? shards, ICorpusSource source, CancellationToken cancellationToken)
    {
        var count = shards ?? await ActiveSilosAsync(session, cancellationToken);
        var corpus = new TemporaryCorpus(session, $"{Prefix}{command}-{Guid.NewGuid():N}");
        try
        {
            await session.Corpora.CreateAsync(corpus.Name, model, count, StoragePrecision.Float32, cancellationToken);
            await CorpusAddition.RunAsync(session, corpus.Name, source, new CorpusAddOptions(), cancellationToken);
            return corpus;
        }
        catch
        {
            await corpus.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(DeleteTimeout);
        try
        {
            await _session.Corpora.DeleteAsync(Name, timeout.Token);
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"warning: the temporary corpus {Name} was not deleted ({e.Message}); remove it with: simctl corpus delete {Name} --cluster CONN");
        }
    }

    private static async Task<int> ActiveSilosAsync(CorpusSession session, CancellationToken cancellationToken)
    {
        var silos = await session.Client.ListSilosAsync(cancellationToken);
        return Math.Clamp(silos.Count(s => s.IsActive), 1, CorpusSpec.MaxShards);
    }
}
