using Microsoft.ML.OnnxRuntime.Tensors;
using Similarity.Inference.OnnxRuntime;

namespace Similarity.Inference.Models.Transformer;

/// <summary>
/// Which declared output a pipeline reads: the first of its conventional names that is a Float tensor of the expected
/// rank, else the only Float output of that rank. Null when neither exists, so the caller can say what it looked for.
/// </summary>
internal static class OutputSelection
{
    public static OnnxTensorInfo? Choose(OnnxSession session, IReadOnlyList<string> names, int rank)
    {
        foreach (var name in names)
        {
            var index = session.FindOutput(name);
            if (index >= 0 && IsFloatOfRank(session.Outputs[index], rank))
            {
                return session.Outputs[index];
            }
        }

        var candidates = session.Outputs.Where(o => IsFloatOfRank(o, rank)).ToArray();
        return candidates.Length == 1 ? candidates[0] : null;
    }

    private static bool IsFloatOfRank(OnnxTensorInfo output, int rank) => output.ElementType == TensorElementType.Float && output.Rank == rank;
}
