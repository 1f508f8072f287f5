using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Errors;

namespace Similarity.Grains.Evaluation.Jobs.Running;

/// <summary>
/// Finds out what a served model is by asking its workers with empty requests, which they answer without running the
/// model: an encoder's answer gives its dimension; a cross-encoder refuses to encode and answers a predict with its
/// label count. A model no live silo serves fails with <see cref="ModelNotServedException"/>.
/// </summary>
internal static class ClusterModel
{
    public static async Task<EvaluatedModel> OpenAsync(IGrainFactory grains, ModelKey key, ChunkedGrainCall calls, CancellationToken cancellationToken)
    {
        try
        {
            var width = await ClusterSentenceEncoder.EncodeAsync(grains, key, calls, [], cancellationToken).ConfigureAwait(false);
            return EvaluatedModel.Of(new ClusterSentenceEncoder(grains, key, width.Columns, calls));
        }
        catch (UnsupportedOperationException)
        {
            var labels = await new ClusterPairClassifier(grains, key, 0, calls).PredictAsync([], cancellationToken).ConfigureAwait(false);
            return EvaluatedModel.Of(new ClusterPairClassifier(grains, key, labels.Columns, calls));
        }
    }
}
