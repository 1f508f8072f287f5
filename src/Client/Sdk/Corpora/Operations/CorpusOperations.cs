using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Contracts.Values;

namespace Similarity.Client.Corpora.Operations;

/// <summary>
/// Operations over a stored corpus that run on the silos next to its shards: top-k search, paraphrase mining and
/// community detection, with the results the in-process code gives on the same embeddings. Reached through
/// <see cref="SimilarityClient.CorpusOperations"/>; calls are retried on silo loss.
/// </summary>
public sealed class CorpusOperations
{
    private readonly IGrainFactory _grains;

    internal CorpusOperations(IGrainFactory grains) => _grains = grains;

    /// <summary>Each query's top <paramref name="topK"/> rows of corpus <paramref name="name"/>, best first (ties to the lower row id).</summary>
    public Task<CorpusHit[][]> SearchAsync(
        string name, FloatMatrix queries, int topK = 10, ScoreFunction function = ScoreFunction.Cosine, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var search = _grains.GetGrain<ICorpusSearchGrain>(CorpusNames.Validate(name));
        return RetryPolicy.Default.RunAsync(_ => search.SearchAsync(queries, topK, function), cancellationToken);
    }
}
