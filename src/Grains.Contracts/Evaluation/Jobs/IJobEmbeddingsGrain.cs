using Similarity.Grains.Contracts.Values;

namespace Similarity.Grains.Contracts.Evaluation.Jobs;

/// <summary>
/// The sentence embeddings one silo has computed for one evaluation job, keyed by the job's id, one activation per silo.
/// A job's tasks that share sentences (mstsb's cross-lingual tasks share their English side) call it on their own silo,
/// so a sentence is encoded once per silo instead of once per task; embeddings do not depend on the batch that computed
/// them, so no number changes. It forgets everything a few minutes after its last call.
/// </summary>
public interface IJobEmbeddingsGrain : IGrainWithStringKey
{
    /// <summary>One row per text, in input order, for the job's model: rows already known, the rest encoded through the model's workers.</summary>
    Task<FloatMatrix> EncodeAsync(string model, DeviceClass device, string[] texts, CancellationToken cancellationToken = default);
}
