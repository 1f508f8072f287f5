using Similarity.Grains.Contracts.Evaluation.Jobs;

namespace Similarity.Grains.Evaluation.Jobs.Running;

/// <summary>Whether a job's tasks should share their embeddings on each silo: only when some sentence is in more than one task.</summary>
public static class SentenceSharing
{
    /// <summary>True when a sentence of one task of <paramref name="request"/> is also in another (mstsb's English side).</summary>
    public static bool Pays(EvaluationJobRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var task = 0; task < request.Tasks.Length; task++)
        {
            foreach (var sentence in request.Tasks[task].First.Concat(request.Tasks[task].Second))
            {
                if (!owner.TryAdd(sentence, task) && owner[sentence] != task)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
