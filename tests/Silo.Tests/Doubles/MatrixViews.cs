using Similarity.Grains.Contracts.Values;
using Similarity.Inference.Tensors;

namespace Similarity.Silo.Tests.Doubles;

/// <summary>Cluster results as the inference layer's matrix, to compare with in-process results.</summary>
public static class MatrixViews
{
    public static EmbeddingMatrix ToEmbeddingMatrix(this FloatMatrix matrix) =>
        new(matrix.Rows, matrix.Columns, matrix.Values) { TokenCount = matrix.TokenCount };
}
