using Similarity.Grains.Contracts.Values;
using Similarity.Inference.Tensors;

namespace Similarity.Grains.Encoders;

/// <summary>Hands a matrix between the model's type and the wire type without copying: the source is not used again once converted.</summary>
internal static class MatrixConversion
{
    public static FloatMatrix ToFloatMatrix(this EmbeddingMatrix matrix) => new(matrix.Rows, matrix.Columns, matrix.Buffer, matrix.TokenCount);

    public static EmbeddingMatrix ToEmbeddingMatrix(this FloatMatrix matrix) => new(matrix.Rows, matrix.Columns, matrix.Values) { TokenCount = matrix.TokenCount };
}
