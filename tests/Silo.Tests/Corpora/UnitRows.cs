using Similarity.Grains.Contracts.Values;

namespace Similarity.Silo.Tests.Corpora;

/// <summary>Random unit-length rows (seeded), as sentence embeddings are: inputs for adds of precomputed embeddings.</summary>
public static class UnitRows
{
    public static FloatMatrix Random(int rows, int dimension, int seed)
    {
        var random = new Random(seed);
        var values = new float[rows * dimension];
        for (var i = 0; i < rows; i++)
        {
            var row = values.AsSpan(i * dimension, dimension);
            double norm = 0;
            for (var j = 0; j < dimension; j++)
            {
                row[j] = (float)(random.NextDouble() * 2 - 1);
                norm += row[j] * row[j];
            }

            for (var j = 0; j < dimension; j++)
            {
                row[j] = (float)(row[j] / Math.Sqrt(norm));
            }
        }

        return new FloatMatrix(rows, dimension, values);
    }

    /// <summary>Rows of <paramref name="matrix"/> from <paramref name="start"/> on, <paramref name="count"/> of them.</summary>
    public static FloatMatrix Slice(FloatMatrix matrix, int start, int count) =>
        new(count, matrix.Columns, matrix.Values.AsSpan(start * matrix.Columns, count * matrix.Columns).ToArray());
}
