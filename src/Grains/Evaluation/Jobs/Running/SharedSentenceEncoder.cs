using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Evaluation.Jobs;
using Similarity.Grains.Encoders;
using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Evaluation.Jobs.Running;

/// <summary>
/// A task's bi-encoder when its job's tasks share sentences: it asks the job's embeddings on this silo
/// (<see cref="IJobEmbeddingsGrain"/>), which encode each sentence once for all the job's tasks here.
/// </summary>
internal sealed class SharedSentenceEncoder(IGrainFactory grains, string job, ModelKey key, int dimension) : ISentenceEncoder
{
    public int Dimension { get; } = dimension;

    public async Task<EmbeddingMatrix> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        if (texts.Count == 0)
        {
            return new EmbeddingMatrix(0, Dimension);
        }

        var rows = await grains.GetGrain<IJobEmbeddingsGrain>(job).EncodeAsync(key.Model, key.Device, [.. texts], cancellationToken).ConfigureAwait(false);
        return rows.ToEmbeddingMatrix();
    }
}
