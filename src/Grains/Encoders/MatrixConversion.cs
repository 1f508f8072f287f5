using Similarity.Grains.Contracts.Values;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Encoders;

/// <summary>
/// Between the inference layer's matrix and the one that crosses the cluster, without copying: the values are handed
/// over, and the side converted from is not used again.
/// </summary>
public static class MatrixConversion
{
    public static FloatMatrix ToFloatMatrix(this EmbeddingMatrix matrix) => new(matrix.Rows, matrix.Columns, matrix.Buffer, matrix.TokenCount);

    public static EmbeddingMatrix ToEmbeddingMatrix(this FloatMatrix matrix) =>
        new(matrix.Rows, matrix.Columns, matrix.Values) { TokenCount = matrix.TokenCount };
}
