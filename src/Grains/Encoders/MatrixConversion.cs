using Similarity.Grains.Contracts.Values;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Encoders;

/// <summary>Hands a model's result to the wire type without copying: the matrix is not used again once converted.</summary>
internal static class MatrixConversion
{
    public static FloatMatrix ToFloatMatrix(this EmbeddingMatrix matrix) => new(matrix.Rows, matrix.Columns, matrix.Buffer, matrix.TokenCount);
}
