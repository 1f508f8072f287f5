using Similarity.Grains.Contracts.Values;
using Similarity.Inference.Tensors;

namespace Similarity.Cli.Commands.Models;

/// <summary>A matrix that arrived from the cluster, as the inference layer's type, sharing its values (the arrival is not used again).</summary>
internal static class ServedMatrix
{
    public static EmbeddingMatrix ToEmbeddingMatrix(this FloatMatrix matrix) =>
        new(matrix.Rows, matrix.Columns, matrix.Values) { TokenCount = matrix.TokenCount };
}
