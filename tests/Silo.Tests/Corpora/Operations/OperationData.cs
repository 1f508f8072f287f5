using Similarity.Client;
using Similarity.Client.Corpora;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Values;
using Similarity.Inference.Tensors;

namespace Similarity.Silo.Tests.Corpora.Operations;

/// <summary>
/// Embeddings for distributed operations: seeded unit rows where some rows repeat earlier ones (exact ties, which the
/// operations must break by row id as in process), stored in a corpus in small batches so every shard holds scattered ids.
/// </summary>
public static class OperationData
{
    /// <summary><paramref name="rows"/> unit rows of <paramref name="dimension"/> values; every 7th row from 100 on repeats a row 100 before it.</summary>
    public static FloatMatrix WithTies(int rows, int dimension, int seed)
    {
        var matrix = UnitRows.Random(rows, dimension, seed);
        for (var row = 100; row < rows; row += 7)
        {
            matrix.Values.AsSpan((row - 100) * dimension, dimension).CopyTo(matrix.Values.AsSpan(row * dimension, dimension));
        }

        return matrix;
    }

    /// <summary>Rows that cluster: <paramref name="groups"/> centres, each row a centre plus a little noise (seeded), unit length.</summary>
    public static FloatMatrix Clustered(int rows, int dimension, int groups, double noise, int seed)
    {
        var centres = UnitRows.Random(groups, dimension, seed);
        var random = new Random(seed + 1);
        var values = new float[rows * dimension];
        for (var row = 0; row < rows; row++)
        {
            var centre = centres.Row(random.Next(groups));
            var target = values.AsSpan(row * dimension, dimension);
            double norm = 0;
            for (var j = 0; j < dimension; j++)
            {
                target[j] = (float)(centre[j] + noise * (random.NextDouble() * 2 - 1));
                norm += target[j] * target[j];
            }

            for (var j = 0; j < dimension; j++)
            {
                target[j] = (float)(target[j] / Math.Sqrt(norm));
            }
        }

        return new FloatMatrix(rows, dimension, values);
    }

    /// <summary>Creates corpus <paramref name="name"/> with <paramref name="shards"/> shards and adds <paramref name="rows"/> in batches of 50.</summary>
    public static async Task StoreAsync(SimilarityClient client, string name, FloatMatrix rows, int shards, StoragePrecision precision = StoragePrecision.Float32)
    {
        await client.Corpora.CreateAsync(name, "external", shards, precision);
        await client.Corpora.AddAsync(name, new EmbeddingSource(rows, batchSize: 50));
    }

    public static EmbeddingMatrix ToEmbeddings(FloatMatrix rows) => new(rows.Rows, rows.Columns, rows.Values.ToArray());

    /// <summary>The rows as a float16 corpus holds them: rounded to float16 and widened back.</summary>
    public static EmbeddingMatrix AsFloat16(FloatMatrix rows)
    {
        var values = rows.Values.Select(v => (float)(Half)v).ToArray();
        return new EmbeddingMatrix(rows.Rows, rows.Columns, values);
    }
}
